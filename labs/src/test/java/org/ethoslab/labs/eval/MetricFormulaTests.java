package org.ethoslab.labs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricFormulaTests {

  @Test
  void pgrIsTheShareOfTheGapRecovered() {
    // (0.80 - 0.70) / (0.90 - 0.70) = 0.5
    assertThat(Pgr.of(0.70, 0.80, 0.90)).isCloseTo(0.5, within(1e-12));
    // a student worse than its teacher gives a negative PGR: (0.65 - 0.70) / 0.20 = -0.25
    assertThat(Pgr.of(0.70, 0.65, 0.90)).isCloseTo(-0.25, within(1e-12));
    // the student matching the ceiling recovers the whole gap
    assertThat(Pgr.of(0.6, 0.9, 0.9)).isEqualTo(1.0);
  }

  @Test
  void pgrIsUndefinedWithoutAGap() {
    assertThat(Pgr.of(0.9, 0.95, 0.9)).isNaN();
    assertThat(Pgr.of(0.9, 0.8, 0.85)).isNaN();
  }

  @Test
  void accuracyCountsArgmaxHits() {
    float[][] probs = {{0.9f, 0.1f}, {0.2f, 0.8f}, {0.6f, 0.4f}, {0.5f, 0.5f}};
    // argmax: 0, 1, 0, 0 (tie to the lower index); labels 0, 1, 1, 1 → 2 of 4
    assertThat(ClassificationMetrics.accuracy(probs, new int[] {0, 1, 1, 1})).isEqualTo(0.5);
  }

  @Test
  void rocAucMatchesPairCounting() {
    // positives 0.8, 0.4; negatives 0.1, 0.4, 0.35.
    // pairs (pos > neg): 0.8 beats all 3; 0.4 beats 0.1 and 0.35, ties 0.4 (½) → (3 + 2.5) / 6
    double[] scores = {0.8, 0.1, 0.4, 0.4, 0.35};
    int[] labels = {1, 0, 1, 0, 0};
    assertThat(ClassificationMetrics.rocAuc(scores, labels)).isCloseTo(5.5 / 6, within(1e-12));
    assertThat(ClassificationMetrics.rocAuc(new double[] {0.1, 0.9}, new int[] {0, 1})).isEqualTo(1.0);
    assertThat(ClassificationMetrics.rocAuc(new double[] {0.1, 0.9}, new int[] {1, 1})).isNaN();
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(BootstrapCi.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(BootstrapCi.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(BootstrapCi.median(new double[] {Double.NaN, 5})).isEqualTo(5);
  }

  @Test
  void bootstrapIntervalOfAConstantSampleIsThePoint() {
    BootstrapCi.Interval ci = BootstrapCi.ofMedian(new double[] {0.4, 0.4, 0.4, 0.4, 0.4}, 0.95, 500, 1);
    assertThat(ci.low()).isEqualTo(0.4);
    assertThat(ci.high()).isEqualTo(0.4);
  }

  @Test
  void bootstrapIntervalOfTwoValuesSpansThem() {
    // Medians of resamples of {0, 1} (size 2) are 0, 0.5 or 1 with probabilities ¼, ½, ¼:
    // the 2.5% and 97.5% percentiles are 0 and 1.
    BootstrapCi.Interval ci = BootstrapCi.ofMedian(new double[] {0, 1}, 0.95, 4000, 7);
    assertThat(ci.low()).isEqualTo(0.0);
    assertThat(ci.high()).isEqualTo(1.0);
    // an 40% interval covers only the middle value 0.5 (30th and 70th percentiles)
    BootstrapCi.Interval narrow = BootstrapCi.ofMedian(new double[] {0, 1}, 0.40, 4000, 7);
    assertThat(narrow.low()).isEqualTo(0.5);
    assertThat(narrow.high()).isEqualTo(0.5);
  }

  @Test
  void bootstrapIsReproducibleFromItsSeed() {
    double[] v = {0.1, 0.5, 0.3, 0.9, 0.2, 0.45};
    assertThat(BootstrapCi.ofMedian(v, 0.95, 1000, 42)).isEqualTo(BootstrapCi.ofMedian(v, 0.95, 1000, 42));
  }
}
