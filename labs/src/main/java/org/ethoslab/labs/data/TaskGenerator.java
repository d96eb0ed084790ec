package org.ethoslab.labs.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of a labelled binary text task. Implementations are built so that the label is carried by
 * meaning (which verb sense, who is targeted, which topic a clause covers) over a vocabulary shared by both classes:
 * a bag-of-words model trained on a few hundred examples cannot read it off surface words, a pretrained sentence
 * encoder largely can. The same seed always yields the same examples.
 */
public interface TaskGenerator {
  /** One example of class {@code label} drawn with {@code rng}. */
  TextExample draw(int label, SplittableRandom rng);

  /** {@code n} examples, classes alternating then shuffled, so the set is balanced to within one example. */
  default List<TextExample> generate(int n, SplittableRandom rng) {
    List<TextExample> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(draw(i % 2, rng));
    }
    Collections.shuffle(out, new java.util.Random(rng.nextLong()));
    return out;
  }

  /** Picks one element uniformly. */
  static String pick(List<String> items, SplittableRandom rng) {
    return items.get(rng.nextInt(items.size()));
  }

  /** Fills {@code {person}}, {@code {thing}}-style slots from the given banks. */
  static String fill(String template, SplittableRandom rng, String slot, List<String> bank) {
    String out = template;
    while (out.contains(slot)) {
      out = out.replaceFirst(java.util.regex.Pattern.quote(slot),
          java.util.regex.Matcher.quoteReplacement(pick(bank, rng)));
    }
    return out;
  }
}
