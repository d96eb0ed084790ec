package org.ethoslab.contract.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trusted phase's verdict on one run: metrics computed from what trusted code produced (the trainer's artifacts,
 * the hooks' answers to hidden probe inputs), per-seed values, rubric check results and chart data. This, and nothing
 * the sandboxed processes report, is what gets graded.
 *
 * @param metrics  metric name → value; null where a metric is undefined (e.g. a ratio over a zero gap)
 * @param score    points earned, the sum of {@code checks}' {@code earned}
 * @param maxScore points available, the sum of {@code checks}' {@code points}
 */
public record Evaluation(String lab, String labVersion, Map<String, Double> metrics, List<Map<String, Object>> perSeed,
                         List<CheckResult> checks, double score, double maxScore, Map<String, Object> charts) {

  /** One rubric check's outcome; {@code reason} is one plain sentence ("median PGR 0.52 ≥ 0.20"). */
  public record CheckResult(String id, String description, double points, double earned, boolean passed,
                            String reason) {
  }

  /**
   * An Evaluation whose score and maximum are summed from {@code checks}, with undefined (non-finite) metrics stored as
   * null so the JSON stays valid.
   */
  public static Evaluation of(String lab, String labVersion, Map<String, Double> metrics,
                              List<Map<String, Object>> perSeed, List<CheckResult> checks, Map<String, Object> charts) {
    Map<String, Double> finite = new LinkedHashMap<>();
    metrics.forEach((name, v) -> finite.put(name, v == null || !Double.isFinite(v) ? null : v));
    double score = checks.stream().mapToDouble(CheckResult::earned).sum();
    double max = checks.stream().mapToDouble(CheckResult::points).sum();
    return new Evaluation(lab, labVersion, finite, perSeed, checks, score, max, charts);
  }
}
