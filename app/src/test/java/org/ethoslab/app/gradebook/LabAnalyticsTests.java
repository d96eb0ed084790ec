package org.ethoslab.app.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Histogram bins and nearest-rank percentiles, checked against values worked out by hand. */
class LabAnalyticsTests {

  @Test
  void scoresFallIntoTenBinsWithTheMaximumInTheLastOne() {
    LabAnalytics.Histogram h = LabAnalytics.Histogram.of("score", List.of(0.0, 9.99, 10.0, 55.0, 100.0), 0, 100);
    assertThat(h.labels()).hasSize(10).startsWith("0–10").endsWith("90–100");
    assertThat(h.counts()).containsExactly(2L, 1L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 1L);
  }

  @Test
  void equalValuesMakeOneBin() {
    LabAnalytics.Histogram h = LabAnalytics.Histogram.of("pgr.median", List.of(0.5, 0.5, 0.5));
    assertThat(h.labels()).containsExactly("0.50");
    assertThat(h.counts()).containsExactly(3L);
  }

  @Test
  void percentilesUseTheNearestRank() {
    // 1..10: p50 is the 5th value, p90 the 9th, p99 the 10th.
    List<Double> values = List.of(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0);
    LabAnalytics.Percentiles p = LabAnalytics.Percentiles.of(values);
    assertThat(p.count()).isEqualTo(10);
    assertThat(p.p50()).isEqualTo(5.0);
    assertThat(p.p90()).isEqualTo(9.0);
    assertThat(p.p99()).isEqualTo(10.0);
    assertThat(LabAnalytics.Percentiles.of(List.of()).p50()).isNull();
  }
}
