package org.ethoslab.labs.eval;

/** Accuracy and ROC-AUC of binary or multi-class predictions. */
public final class ClassificationMetrics {
  private ClassificationMetrics() {
  }

  /** Index of the largest probability; ties go to the lowest index. */
  public static int argmax(float[] probs) {
    int best = 0;
    for (int c = 1; c < probs.length; c++) {
      if (probs[c] > probs[best]) {
        best = c;
      }
    }
    return best;
  }

  /** Share of rows whose argmax equals the label. */
  public static double accuracy(float[][] probs, int[] labels) {
    if (probs.length != labels.length || probs.length == 0) {
      throw new IllegalArgumentException("need equal, non-zero numbers of predictions and labels");
    }
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (argmax(probs[i]) == labels[i]) {
        correct++;
      }
    }
    return (double) correct / labels.length;
  }

  /**
   * ROC-AUC of scores for the positive class: the probability that a random positive outranks a random negative,
   * ties counting one half (Mann–Whitney U / (n₊·n₋)). NaN when one class is absent.
   */
  public static double rocAuc(double[] scores, int[] labels) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSumPos = 0;
    long pos = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (labels[order[k]] == 1) {
          rankSumPos += midRank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = scores.length - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }
}
