package org.ethoslab.labs.w2s;

import org.ethoslab.hooks.w2s.Voting;

/** Reference soft voting: the mean of the teachers' probability vectors. */
public final class SoftVoteReference implements Voting {
  @Override
  public double[] combine(double[][] teacherProbs) {
    double[] out = new double[teacherProbs[0].length];
    for (double[] p : teacherProbs) {
      for (int c = 0; c < out.length; c++) {
        out[c] += p[c];
      }
    }
    for (int c = 0; c < out.length; c++) {
      out[c] /= teacherProbs.length;
    }
    return out;
  }
}
