package org.ethoslab.labs.w2s;

import org.ethoslab.hooks.w2s.Voting;

/**
 * Reference hard voting: each teacher votes for its argmax class (ties to the lower class index); the class with most
 * votes gets probability 1 (a tie between classes goes to the lower class index).
 */
public final class HardVoteReference implements Voting {
  @Override
  public double[] combine(double[][] teacherProbs) {
    int classes = teacherProbs[0].length;
    int[] votes = new int[classes];
    for (double[] p : teacherProbs) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (p[c] > p[best]) {
          best = c;
        }
      }
      votes[best]++;
    }
    int winner = 0;
    for (int c = 1; c < classes; c++) {
      if (votes[c] > votes[winner]) {
        winner = c;
      }
    }
    double[] out = new double[classes];
    out[winner] = 1;
    return out;
  }
}
