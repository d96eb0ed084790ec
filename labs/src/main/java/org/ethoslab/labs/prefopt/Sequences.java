package org.ethoslab.labs.prefopt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Prompt + reply rows as the tiny GPT sees them: {@code <bos> prompt <sep> reply <eos>}, the prompt cut from the left
 * when the row would not fit the context. A batch is padded to its longest row only (short batches run faster), and
 * {@link #mask} marks the target positions that belong to the reply (its words and the closing {@code <eos>}), the
 * only positions that count in log π(y|x).
 */
final class Sequences {
  final int rows;
  final int length;
  final int[] inputs;
  final int[] targets;
  final float[] mask;
  final int[] replyLengths;

  private Sequences(int rows, int length) {
    this.rows = rows;
    this.length = length;
    this.inputs = new int[rows * length];
    this.targets = new int[rows * length];
    this.mask = new float[rows * length];
    this.replyLengths = new int[rows];
  }

  /** Rows for {@code prompts[i]} followed by {@code replies[i]}. */
  static Sequences of(Vocabulary vocab, int context, List<String> prompts, List<String> replies) {
    int n = prompts.size();
    int[][] rows = new int[n][];
    int[] sep = new int[n];
    int longest = 0;
    for (int i = 0; i < n; i++) {
      int[] reply = vocab.encode(replies.get(i));
      int[] prompt = vocab.encode(prompts.get(i));
      // a reply that would leave no room for the prompt (long uploaded text) keeps its first words
      if (reply.length > context - 3) {
        reply = java.util.Arrays.copyOf(reply, context - 3);
      }
      // the row has context + 1 tokens at most: inputs are its first context, targets its last context
      int room = context + 1 - 3 - reply.length;
      int keep = Math.min(prompt.length, room);
      int[] row = new int[keep + reply.length + 3];
      row[0] = vocab.id(Vocabulary.BOS);
      System.arraycopy(prompt, prompt.length - keep, row, 1, keep);
      row[keep + 1] = vocab.id(Vocabulary.SEP);
      System.arraycopy(reply, 0, row, keep + 2, reply.length);
      row[row.length - 1] = vocab.id(Vocabulary.EOS);
      rows[i] = row;
      sep[i] = keep + 1;
      longest = Math.max(longest, row.length - 1);
    }
    Sequences s = new Sequences(n, longest);
    for (int i = 0; i < n; i++) {
      int[] row = rows[i];
      for (int t = 0; t < row.length - 1; t++) {
        s.inputs[i * longest + t] = row[t];
        s.targets[i * longest + t] = row[t + 1];
        // target t is row[t + 1]: a reply token or <eos> once t ≥ the <sep> position
        s.mask[i * longest + t] = t >= sep[i] ? 1f : 0f;
      }
      s.replyLengths[i] = row.length - 1 - sep[i];
    }
    return s;
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive), same padded length. */
  Sequences slice(int from, int to) {
    Sequences s = new Sequences(to - from, length);
    System.arraycopy(inputs, from * length, s.inputs, 0, s.inputs.length);
    System.arraycopy(targets, from * length, s.targets, 0, s.targets.length);
    System.arraycopy(mask, from * length, s.mask, 0, s.mask.length);
    System.arraycopy(replyLengths, from, s.replyLengths, 0, s.rows);
    return s;
  }

  /** The given rows, in that order, same padded length. */
  Sequences select(int[] rowIds) {
    Sequences s = new Sequences(rowIds.length, length);
    for (int k = 0; k < rowIds.length; k++) {
      int r = rowIds[k];
      System.arraycopy(inputs, r * length, s.inputs, k * length, length);
      System.arraycopy(targets, r * length, s.targets, k * length, length);
      System.arraycopy(mask, r * length, s.mask, k * length, length);
      s.replyLengths[k] = replyLengths[r];
    }
    return s;
  }

  NDArray inputs(NDManager manager) {
    return manager.create(inputs, new Shape(rows, length));
  }

  NDArray targets(NDManager manager) {
    return manager.create(targets, new Shape(rows, length, 1)).toType(ai.djl.ndarray.types.DataType.INT64, false);
  }

  NDArray mask(NDManager manager) {
    return manager.create(mask, new Shape(rows, length));
  }

  /** Summed log-probability of each row's reply: Σ_t mask · log softmax(logits)[target] → (rows). */
  static NDArray replyLogProbs(NDArray logits, NDArray targets, NDArray mask) {
    return logits.logSoftmax(2).gather(targets, 2).squeeze(2).mul(mask).sum(new int[] {1});
  }
}
