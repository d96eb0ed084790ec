package org.ethoslab.labs.lm;

import java.util.List;
import java.util.SplittableRandom;

/** Uniform picks and slot filling shared by the templated corpora of this package. */
final class Picks {
  private Picks() {
  }

  static <T> T one(List<T> items, SplittableRandom rng) {
    return items.get(rng.nextInt(items.size()));
  }

  /** Replaces each {@code slot} occurrence with an independent pick from {@code bank}. */
  static String fill(String template, String slot, List<String> bank, SplittableRandom rng) {
    StringBuilder sb = new StringBuilder();
    int from = 0;
    int at;
    while ((at = template.indexOf(slot, from)) >= 0) {
      sb.append(template, from, at).append(one(bank, rng));
      from = at + slot.length();
    }
    return sb.append(template.substring(from)).toString();
  }
}
