package org.ethoslab.labs.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Forward passes without gradients: batched continuation log-likelihoods and batched generation. Every call runs in
 * an {@link NDScope}, so the activations (some attached to the parameters' manager) are freed when it returns.
 */
final class LmInference {
  private final LanguageModel lm;

  LmInference(LanguageModel lm) {
    this.lm = lm;
  }

  double[] logLikelihood(List<String> prompts, List<String> continuations, int batchSize) {
    if (prompts.size() != continuations.size()) {
      throw new IllegalArgumentException(prompts.size() + " prompts but " + continuations.size()
          + " continuations");
    }
    WordTokenizer tok = lm.tokenizer();
    double[] out = new double[prompts.size()];
    for (int start = 0; start < prompts.size(); start += batchSize) {
      int end = Math.min(prompts.size(), start + batchSize);
      List<int[]> seqs = new ArrayList<>();
      int[] from = new int[end - start];
      for (int i = start; i < end; i++) {
        int[] p = tok.encode(prompts.get(i));
        int[] c = tok.encode(continuations.get(i));
        int[] seq = new int[1 + p.length + c.length];
        seq[0] = WordTokenizer.BOS;
        System.arraycopy(p, 0, seq, 1, p.length);
        System.arraycopy(c, 0, seq, 1 + p.length, c.length);
        seqs.add(seq);
        from[i - start] = 1 + p.length;
      }
      TokenBatch tb = TokenBatch.of(seqs, from, lm.architecture().context());
      float[] sums;
      try (NDManager scope = lm.model().getNDManager().newSubManager(); NDScope arrays = new NDScope()) {
        arrays.suppressNotUsedWarning();
        NDArray lp = TokenBatch.targetLogProbs(logits(scope, tb.inputs(scope)), tb.targets(scope));
        sums = lp.mul(tb.mask(scope)).sum(new int[] {1}).toFloatArray();
      }
      for (int i = 0; i < sums.length; i++) {
        out[start + i] = sums[i];
      }
    }
    return out;
  }

  List<String> generate(List<String> prompts, int maxTokens, double temperature, long seed) {
    WordTokenizer tok = lm.tokenizer();
    int context = lm.architecture().context();
    int n = prompts.size();
    List<int[]> seqs = new ArrayList<>(n);
    int[][] generated = new int[n][maxTokens];
    int[] count = new int[n];
    boolean[] done = new boolean[n];
    for (String p : prompts) {
      int[] e = tok.encode(p);
      int[] seq = new int[e.length + 1];
      seq[0] = WordTokenizer.BOS;
      System.arraycopy(e, 0, seq, 1, e.length);
      seqs.add(seq);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int vocab = tok.size();
    for (int step = 0; step < maxTokens; step++) {
      List<Integer> active = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!done[i]) {
          active.add(i);
        }
      }
      if (active.isEmpty()) {
        break;
      }
      int len = 1;
      for (int i : active) {
        len = Math.max(len, Math.min(context, seqs.get(i).length));
      }
      int[] input = new int[active.size() * len];
      long[] last = new long[active.size() * vocab];
      for (int r = 0; r < active.size(); r++) {
        int[] s = seqs.get(active.get(r));
        int drop = Math.max(0, s.length - context);
        int used = s.length - drop;
        System.arraycopy(s, drop, input, r * len, used);
        Arrays.fill(last, r * vocab, (r + 1) * vocab, (long) (used - 1));
      }
      float[] next;
      try (NDManager scope = lm.model().getNDManager().newSubManager(); NDScope arrays = new NDScope()) {
        arrays.suppressNotUsedWarning();
        NDArray logits = logits(scope, scope.create(input, new Shape(active.size(), len)));
        NDArray index = scope.create(last, new Shape(active.size(), 1, vocab));
        NDArray at = logits.gather(index, 1).squeeze(1);
        next = temperature <= 0 ? at.argMax(1).toType(DataType.FLOAT32, false).toFloatArray()
            : at.div(temperature).softmax(1).toFloatArray();
      }
      for (int r = 0; r < active.size(); r++) {
        int i = active.get(r);
        int token = temperature <= 0 ? (int) next[r] : sample(next, r * vocab, vocab, rng);
        if (token == WordTokenizer.EOS) {
          done[i] = true;
          continue;
        }
        generated[i][count[i]++] = token;
        int[] s = seqs.get(i);
        int[] longer = Arrays.copyOf(s, s.length + 1);
        longer[s.length] = token;
        seqs.set(i, longer);
        done[i] = count[i] == maxTokens;
      }
    }
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(tok.decode(Arrays.copyOf(generated[i], count[i])));
    }
    return out;
  }

  private static int sample(float[] probs, int offset, int vocab, SplittableRandom rng) {
    double u = rng.nextDouble();
    double acc = 0;
    for (int v = 0; v < vocab; v++) {
      acc += probs[offset + v];
      if (u < acc) {
        return v;
      }
    }
    return vocab - 1;
  }

  private NDArray logits(NDManager scope, NDArray tokens) {
    return lm.block().forward(new ParameterStore(scope, false), new NDList(tokens), false).singletonOrThrow();
  }
}
