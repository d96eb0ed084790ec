package org.ethoslab.labs.prefopt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the trusted phase measures on a model, batched into few large forward passes: sampled replies (temperature 1,
 * so a model that refuses half the time shows a ~50% safety rate), the arithmetic probe, and per-token KL to the
 * reference plus the log-ratios r on held-out preference pairs.
 */
final class Measures {
  /** Words sampled per reply: enough for the refusal judge to see how the reply opens. */
  static final int REPLY_WORDS = 8;
  static final int BATCH = 256;

  private Measures() {
  }

  /** One sampled reply per prompt; the same {@code rng} state gives the same replies. */
  static List<String> sample(PolicyModel m, List<String> prompts, SplittableRandom rng) {
    Vocabulary vocab = m.vocab();
    int context = m.shape().context();
    int eos = vocab.id(Vocabulary.EOS);
    List<String> out = new ArrayList<>();
    for (int start = 0; start < prompts.size(); start += BATCH) {
      List<String> part = prompts.subList(start, Math.min(prompts.size(), start + BATCH));
      int n = part.size();
      int[][] rows = new int[n][];
      int[] len = new int[n];
      boolean[] done = new boolean[n];
      for (int i = 0; i < n; i++) {
        int[] prompt = vocab.encode(part.get(i));
        int keep = Math.min(prompt.length, context - 2 - REPLY_WORDS);
        rows[i] = new int[context];
        rows[i][0] = vocab.id(Vocabulary.BOS);
        System.arraycopy(prompt, prompt.length - keep, rows[i], 1, keep);
        rows[i][keep + 1] = vocab.id(Vocabulary.SEP);
        len[i] = keep + 2;
      }
      int[] promptEnd = len.clone();
      for (int step = 0; step < REPLY_WORDS; step++) {
        int width = Arrays.stream(len).max().orElse(1);
        float[] probs = nextWordProbabilities(m, rows, len, width);
        int v = vocab.size();
        for (int i = 0; i < n; i++) {
          if (done[i]) {
            continue;
          }
          int next = draw(probs, i * v, v, rng.nextDouble());
          rows[i][len[i]++] = next;
          done[i] = next == eos;
        }
      }
      for (int i = 0; i < n; i++) {
        int end = len[i];
        if (done[i]) {
          end--;
        }
        out.add(vocab.decode(Arrays.copyOfRange(rows[i], promptEnd[i], end)));
      }
    }
    return out;
  }

  private static float[] nextWordProbabilities(PolicyModel m, int[][] rows, int[] len, int width) {
    int n = rows.length;
    int[] tokens = new int[n * width];
    float[] last = new float[n * width];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows[i], 0, tokens, i * width, width);
      last[i * width + len[i] - 1] = 1f;
    }
    try (NDManager scope = m.manager().newSubManager()) {
      NDArray logits = m.logits(scope, scope.create(tokens, new Shape(n, width)));
      NDArray at = logits.mul(scope.create(last, new Shape(n, width, 1))).sum(new int[] {1});
      return at.softmax(1).toFloatArray();
    }
  }

  private static int draw(float[] probs, int offset, int v, double u) {
    double acc = 0;
    for (int k = 0; k < v; k++) {
      acc += probs[offset + k];
      if (u < acc) {
        return k;
      }
    }
    return v - 1;
  }

  /** Exact-match accuracy of the greedy answer word and the mean log-probability of the right one. */
  static double[] arithmetic(PolicyModel m) {
    List<ChatData.Example> facts = ChatData.arithmetic();
    Vocabulary vocab = m.vocab();
    List<String> prompts = facts.stream().map(ChatData.Example::prompt).toList();
    List<String> replies = facts.stream().map(ChatData.Example::reply).toList();
    Sequences s = Sequences.of(vocab, m.shape().context(), prompts, replies);
    int correct = 0;
    double logProb = 0;
    try (NDManager scope = m.manager().newSubManager()) {
      NDArray logp = m.logits(scope, s.inputs(scope)).logSoftmax(2);
      float[] flat = logp.toFloatArray();
      int v = vocab.size();
      for (int i = 0; i < s.rows; i++) {
        // the first reply target is the answer word; it sits where the mask first turns on
        int t = 0;
        while (s.mask[i * s.length + t] == 0f) {
          t++;
        }
        int base = (i * s.length + t) * v;
        int answer = s.targets[i * s.length + t];
        int best = 0;
        for (int k = 1; k < v; k++) {
          if (flat[base + k] > flat[base + best]) {
            best = k;
          }
        }
        correct += best == answer ? 1 : 0;
        logProb += flat[base + answer];
      }
    }
    return new double[] {(double) correct / facts.size(), logProb / facts.size()};
  }

  /**
   * Mean per-token KL(π_θ ‖ π_ref) over the reply positions of {@code s} (teacher-forced), and each row's log-ratio
   * r = log π_θ(y|x) − log π_ref(y|x). Returns {kl, r_0, r_1, …}.
   */
  static double[] klAndLogRatios(PolicyModel policy, PolicyModel reference, Sequences s) {
    double[] out = new double[1 + s.rows];
    double klSum = 0;
    double positions = 0;
    for (int start = 0; start < s.rows; start += BATCH) {
      Sequences part = s.slice(start, Math.min(s.rows, start + BATCH));
      try (NDManager scope = policy.manager().newSubManager()) {
        NDArray inputs = part.inputs(scope);
        NDArray lp = policy.logits(scope, inputs).logSoftmax(2);
        NDArray lq = reference.logits(scope, inputs).logSoftmax(2);
        NDArray mask = part.mask(scope);
        NDArray kl = lp.exp().mul(lp.sub(lq)).sum(new int[] {2}).mul(mask);
        klSum += kl.sum().getFloat();
        positions += mask.sum().getFloat();
        NDArray targets = part.targets(scope);
        float[] r = lp.sub(lq).gather(targets, 2).squeeze(2).mul(mask).sum(new int[] {1}).toFloatArray();
        for (int i = 0; i < r.length; i++) {
          out[1 + start + i] = r[i];
        }
      }
    }
    out[0] = klSum / Math.max(1, positions);
    return out;
  }
}
