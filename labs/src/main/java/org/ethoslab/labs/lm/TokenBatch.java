package org.ethoslab.labs.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Rows of token ids padded on the right to one length, as next-token inputs/targets with a 0/1 loss mask: input
 * {@code seq[0..L-1]}, target {@code seq[1..L]}, mask 1 where the target belongs to the scored part. Right padding
 * never changes a causal model's outputs at earlier positions.
 */
final class TokenBatch {
  final int rows;
  final int length;
  final int[] inputs;
  final int[] targets;
  final float[] mask;

  private TokenBatch(int rows, int length) {
    this.rows = rows;
    this.length = length;
    this.inputs = new int[rows * length];
    this.targets = new int[rows * length];
    this.mask = new float[rows * length];
  }

  /**
   * {@code seqs[i]} is a full sequence; positions {@code ≥ scoredFrom[i]} of it (as targets) are scored. Longer
   * sequences than {@code context + 1} lose tokens at the front, keeping the scored end.
   */
  static TokenBatch of(List<int[]> seqs, int[] scoredFrom, int context) {
    int len = 1;
    for (int[] s : seqs) {
      len = Math.max(len, Math.min(context, s.length - 1));
    }
    TokenBatch b = new TokenBatch(seqs.size(), len);
    for (int r = 0; r < seqs.size(); r++) {
      int[] s = seqs.get(r);
      int drop = Math.max(0, s.length - 1 - context);
      for (int t = 0; t + 1 + drop < s.length && t < len; t++) {
        int i = r * len + t;
        b.inputs[i] = s[t + drop];
        b.targets[i] = s[t + 1 + drop];
        b.mask[i] = t + 1 + drop >= scoredFrom[r] ? 1f : 0f;
      }
    }
    return b;
  }

  NDArray inputs(NDManager m) {
    return m.create(inputs, new Shape(rows, length));
  }

  NDArray targets(NDManager m) {
    return m.create(targets, new Shape(rows, length, 1)).toType(ai.djl.ndarray.types.DataType.INT64, false);
  }

  NDArray mask(NDManager m) {
    return m.create(mask, new Shape(rows, length));
  }

  /** Per-token log-probabilities of the targets, (rows, length), from logits (rows, length, vocab). */
  static NDArray targetLogProbs(NDArray logits, NDArray targets) {
    return logits.logSoftmax(-1).gather(targets, 2).squeeze(2);
  }
}
