package org.ethoslab.labs.core;

import java.util.List;
import java.util.Map;

/**
 * The trusted phase's verdict: metrics computed from artifacts against hidden data, per-seed values, rubric check
 * results and chart data. This, not anything the untrusted phase reports, is what gets graded.
 */
public record Evaluation(String lab, String labVersion, Map<String, Double> metrics, List<Map<String, Object>> perSeed,
                        List<CheckResult> checks, double score, double maxScore, Map<String, Object> charts) {

    /** One rubric check's outcome; {@code reason} is one plain sentence ("median PGR 0.52 ≥ 0.20"). */
    public record CheckResult(String id, String description, double points, double earned, boolean passed,
                              String reason) {
    }
}
