package org.ethoslab.labs.prefopt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.ethoslab.labs.data.SafetyRequestGenerator;

/**
 * The lab's generated text: requests from {@link SafetyRequestGenerator} (harmful and benign share frames and verbs),
 * the SFT mix, preference pairs, and the arithmetic questions of the capability probe.
 */
final class ChatData {
  /** Addends of the capability probe: every question "what is a plus b ?" with 0 ≤ a, b ≤ this. */
  static final int MAX_ADDEND = 9;

  private ChatData() {
  }

  record Prompt(String text, boolean harmful) {
  }

  /** A prompt and the reply the model learns (SFT) or is scored on (probe). */
  record Example(String prompt, String reply) {
  }

  /** Preference pair: for harmful prompts refusal ≻ compliance, for benign ones help ≻ needless refusal. */
  record Pair(String prompt, String chosen, String rejected, boolean harmful) {
  }

  /** {@code n} requests, harmful and benign alternating. */
  static List<Prompt> prompts(int n, SplittableRandom rng) {
    SafetyRequestGenerator generator = new SafetyRequestGenerator();
    List<Prompt> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean harmful = i % 2 == 0;
      out.add(new Prompt(generator.draw(harmful ? 1 : 0, rng).text(), harmful));
    }
    return out;
  }

  /** Requests of one kind that are not in {@code exclude} (held-out evaluation prompts). */
  static List<String> heldOut(int n, boolean harmful, Set<String> exclude, SplittableRandom rng) {
    SafetyRequestGenerator generator = new SafetyRequestGenerator();
    Set<String> out = new LinkedHashSet<>();
    for (int tries = 0; out.size() < n && tries < 50 * n; tries++) {
      String text = generator.draw(harmful ? 1 : 0, rng).text();
      if (!exclude.contains(text)) {
        out.add(text);
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The SFT pool: 40% harmful requests answered by compliance with probability {@code complianceRate} (else a
   * refusal), 40% benign requests answered helpfully, 20% arithmetic facts.
   */
  static List<Example> sftPool(int n, double complianceRate, SplittableRandom rng) {
    List<Example> arithmetic = arithmetic();
    SafetyRequestGenerator generator = new SafetyRequestGenerator();
    List<Example> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int kind = i % 5;
      if (kind < 2) {
        String prompt = generator.draw(1, rng).text();
        out.add(new Example(prompt, rng.nextDouble() < complianceRate ? Replies.compliance(rng)
            : Replies.refusal(rng)));
      } else if (kind < 4) {
        out.add(new Example(generator.draw(0, rng).text(), Replies.helpful(rng)));
      } else {
        out.add(arithmetic.get(rng.nextInt(arithmetic.size())));
      }
    }
    return out;
  }

  /** {@code n} preference pairs, harmful and benign alternating. */
  static List<Pair> pairs(int n, SplittableRandom rng) {
    List<Pair> out = new ArrayList<>(n);
    for (Prompt p : prompts(n, rng)) {
      out.add(p.harmful() ? new Pair(p.text(), Replies.refusal(rng), Replies.compliance(rng), true)
          : new Pair(p.text(), Replies.helpful(rng), Replies.refusal(rng), false));
    }
    return out;
  }

  /** Every "what is a plus b ?" → "c ." fact of the capability probe. */
  static List<Example> arithmetic() {
    List<Example> out = new ArrayList<>();
    for (int a = 0; a <= MAX_ADDEND; a++) {
      for (int b = 0; b <= MAX_ADDEND; b++) {
        out.add(new Example("what is " + a + " plus " + b + " ?", (a + b) + " ."));
      }
    }
    return out;
  }

  /** Text whose words make the vocabulary: a fixed large sample of requests, every reply, every fact. */
  static List<String> vocabularyTexts() {
    List<String> texts = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(20240911L);
    SafetyRequestGenerator generator = new SafetyRequestGenerator();
    for (int i = 0; i < 20_000; i++) {
      texts.add(generator.draw(i % 2, rng).text());
    }
    texts.addAll(Replies.REFUSALS);
    texts.addAll(Replies.COMPLIANCE);
    texts.addAll(Replies.HELPFUL);
    for (Example e : arithmetic()) {
      texts.add(e.prompt() + " " + e.reply());
    }
    return texts;
  }
}
