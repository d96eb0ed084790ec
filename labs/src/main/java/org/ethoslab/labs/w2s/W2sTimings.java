package org.ethoslab.labs.w2s;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time per stage (data prep, weak, strong, evaluation) in milliseconds, for the benchmark's breakdown. */
final class W2sTimings {
  private final Map<String, Long> totals = new LinkedHashMap<>();
  private final Map<String, Long> started = new LinkedHashMap<>();

  void start(String stage) {
    started.put(stage, System.nanoTime());
  }

  void stop(String stage) {
    Long t0 = started.remove(stage);
    if (t0 != null) {
      totals.merge(stage, (System.nanoTime() - t0) / 1_000_000, Long::sum);
    }
  }

  Map<String, Long> asMap() {
    return new LinkedHashMap<>(totals);
  }
}
