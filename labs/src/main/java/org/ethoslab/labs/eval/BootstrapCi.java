package org.ethoslab.labs.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Percentile bootstrap confidence interval of the median (Efron &amp; Tibshirani 1993, ch. 13). */
public final class BootstrapCi {
  private BootstrapCi() {
  }

  /** Lower and upper end of an interval. */
  public record Interval(double low, double high) {
  }

  /** Median; the mean of the two middle values for an even count. NaN values are ignored; NaN if none remain. */
  public static double median(double[] values) {
    double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  /**
   * Percentile interval at {@code level} (e.g. 0.95) of the median over {@code resamples} resamples with
   * replacement: the (1−level)/2 and (1+level)/2 order statistics of the resampled medians, taken at index
   * floor(q·(B−1)) of the sorted list.
   */
  public static Interval ofMedian(double[] values, double level, int resamples, long seed) {
    double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).toArray();
    if (v.length == 0) {
      return new Interval(Double.NaN, Double.NaN);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] medians = new double[resamples];
    double[] sample = new double[v.length];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < v.length; i++) {
        sample[i] = v[rng.nextInt(v.length)];
      }
      medians[b] = median(sample);
    }
    return percentile(medians, level);
  }

  /**
   * Percentile interval at {@code level} of bootstrap draws (sorted here, in place): the (1−level)/2 and
   * (1+level)/2 order statistics, taken at index floor(q·(B−1)).
   */
  public static Interval percentile(double[] draws, double level) {
    Arrays.sort(draws);
    double alpha = (1 - level) / 2;
    int last = draws.length - 1;
    return new Interval(draws[(int) Math.floor(alpha * last)], draws[(int) Math.floor((1 - alpha) * last)]);
  }
}
