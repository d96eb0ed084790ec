package org.ethoslab.labs.eval;

/** Performance gap recovered (Burns et al. 2023): how much of the weak→ceiling gap the weak-to-strong student closes. */
public final class Pgr {
  private Pgr() {
  }

  /**
   * PGR = (acc_w2s − acc_weak) / (acc_ceiling − acc_weak). NaN when the ceiling does not exceed the weak accuracy,
   * where the ratio means nothing.
   */
  public static double of(double weak, double w2s, double ceiling) {
    double gap = ceiling - weak;
    if (!(gap > 0)) {
      return Double.NaN;
    }
    return (w2s - weak) / gap;
  }
}
