package org.ethoslab.app.gradebook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Class analytics of one lab item: the score distribution, histograms of the metrics its rubric grades, how runs
 * ended, and how long jobs waited in the queue and ran.
 *
 * @param graded    graded submissions counted
 * @param scores    histogram of scores as a percentage of the maximum
 * @param metrics   one histogram per rubric metric that appears in the evaluations
 * @param verdicts  finished submissions by outcome name, most common first
 * @param queueWait seconds from queued to claimed
 * @param runTime   seconds from started to finished
 */
record LabAnalytics(int graded, Histogram scores, List<Histogram> metrics, List<Map.Entry<String, Long>> verdicts,
                    Percentiles queueWait, Percentiles runTime) {

  /** Equal-width bins over a range; {@code labels[i]} names bin i ("0–10"). */
  record Histogram(String name, List<String> labels, List<Long> counts) {

    /** Ten equal bins from the smallest to the largest value (one bin when all values are equal). */
    static Histogram of(String name, List<Double> values, double lo, double hi) {
      int bins = hi > lo ? 10 : 1;
      double width = bins == 1 ? 1 : (hi - lo) / bins;
      List<String> labels = new ArrayList<>();
      List<Long> counts = new ArrayList<>(Collections.nCopies(bins, 0L));
      for (int i = 0; i < bins; i++) {
        labels.add(bins == 1 ? format(lo) : format(lo + i * width) + "–" + format(lo + (i + 1) * width));
      }
      for (double v : values) {
        int bin = bins == 1 ? 0 : (int) Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)));
        counts.set(bin, counts.get(bin) + 1);
      }
      return new Histogram(name, labels, counts);
    }

    /** Bins over the values' own range. */
    static Histogram of(String name, List<Double> values) {
      double lo = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      double hi = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      return of(name, values, lo, hi);
    }

    private static String format(double v) {
      return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
  }

  /**
   * Nearest-rank percentiles (the smallest value with at least p % of the values at or below it) in seconds; all
   * null when there are no values.
   */
  record Percentiles(int count, Double p50, Double p90, Double p99) {

    static Percentiles of(List<Double> values) {
      if (values.isEmpty()) {
        return new Percentiles(0, null, null, null);
      }
      List<Double> sorted = values.stream().sorted().toList();
      return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 90), rank(sorted, 99));
    }

    private static double rank(List<Double> sorted, int p) {
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, index));
    }
  }
}
