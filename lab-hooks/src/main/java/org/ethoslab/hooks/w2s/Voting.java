package org.ethoslab.hooks.w2s;

/**
 * Student hook: combines the class probabilities of K weak teachers for one example into one distribution — the
 * soft label the strong student learns from. {@code teacherProbs[k][c]} is teacher k's probability of class c; the
 * result must have one non-negative entry per class summing to 1.
 */
public interface Voting {
  double[] combine(double[][] teacherProbs);
}
