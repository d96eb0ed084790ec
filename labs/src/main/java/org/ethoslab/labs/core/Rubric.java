package org.ethoslab.labs.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.contract.lab.LabSpec;

/** Scores a lab's checks over trusted metrics, with the instructor's per-job threshold/points overrides applied. */
public final class Rubric {
  private Rubric() {
  }

  public static List<Evaluation.CheckResult> score(LabSpec spec, Map<String, JobInput.RubricOverride> overrides,
                           Map<String, Double> metrics) {
    for (String id : overrides.keySet()) {
      if (spec.checks().stream().noneMatch(c -> c.id().equals(id))) {
        throw LabFailure.badInput("rubric." + id, "unknown check for lab " + spec.id());
      }
    }
    List<Evaluation.CheckResult> results = new ArrayList<>();
    for (LabSpec.CheckSpec check : spec.checks()) {
      JobInput.RubricOverride o = overrides.get(check.id());
      double threshold = o != null && o.threshold() != null ? o.threshold() : check.threshold();
      double points = o != null && o.points() != null ? o.points() : check.points();
      Double value = metrics.get(check.metric());
      boolean passed;
      String reason;
      String sym = check.op().equals(">=") ? "≥" : "≤";
      String notSym = check.op().equals(">=") ? "<" : ">";
      if (value == null || value.isNaN()) {
        passed = false;
        reason = check.description() + ": metric " + check.metric() + " is undefined.";
      } else {
        passed = check.op().equals(">=") ? value >= threshold : value <= threshold;
        reason = String.format(Locale.ROOT, "%s %.2f %s %.2f", label(check.metric()), value,
            passed ? sym : notSym, threshold);
      }
      results.add(new Evaluation.CheckResult(check.id(), check.description(), points, passed ? points : 0,
          passed, reason));
    }
    return results;
  }

  /**
   * The job's Evaluation: the checks scored over {@code metrics} with the job's overrides, score and maximum summed,
   * undefined metrics stored as null.
   */
  public static Evaluation evaluation(LabSpec spec, JobInput job, Map<String, Double> metrics,
                    List<Map<String, Object>> perSeed, Map<String, Object> charts) {
    return Evaluation.of(spec.id(), spec.version(), metrics, perSeed, score(spec, job.rubric(), metrics), charts);
  }

  private static String label(String metric) {
    return switch (metric) {
      case "pgr.median" -> "median PGR";
      case "pgr.ciLow" -> "lower end of the PGR 95% CI";
      case "hooks.agreement" -> "share of probe inputs where the hooks match the reference";
      default -> metric;
    };
  }
}
