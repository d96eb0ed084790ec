package org.ethoslab.app.submission;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ethoslab.app.grading.HiddenChecks;
import org.ethoslab.app.grading.LabAssignment;
import org.ethoslab.app.queue.StoredEvaluation;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.contract.lab.Evaluation.CheckResult;
import org.ethoslab.contract.runner.Outcome;

/**
 * A finished submission as the result page shows it: the verdict, metrics, rubric checks (withheld until the due date
 * when the instructor chose {@link HiddenChecks#AFTER_DUE}), the score with its late penalty, chart data for the page
 * script, and for a compile error the hook and line to open in the editor.
 */
record ResultView(Submission submission, String verdictKey, String verdictTone, Map<String, Double> metrics,
                  List<CheckResult> checks, boolean checksWithheld, OffsetDateTime checksShownAt, Double penaltyPercent,
                  String chartsJson, String errorHook, Integer errorLine) {

  /** Writes the lab's chart data for the page script in the order the lab wrote it. */
  private static final ObjectMapper CHARTS = new ObjectMapper();
  /** {@code SoftVote.java:12} in a verdict message: the runner's compile and runtime messages name the line so. */
  private static final Pattern SOURCE_LINE = Pattern.compile("\\b([A-Z][A-Za-z0-9_]*)\\.java:(\\d{1,6})");

  static ResultView of(Submission s, LabAssignment rules, OffsetDateTime now, JsonNode errorEvent) {
    Outcome outcome = s.getOutcome();
    String tone = outcome == Outcome.SUCCEEDED ? "ok" : outcome != null && outcome.studentCaused() ? "fail" : "neutral";
    Map<String, Double> metrics = new TreeMap<>();
    List<CheckResult> checks = new ArrayList<>();
    String charts = "{}";
    if (s.getEvaluation() != null) {
      Evaluation evaluation = StoredEvaluation.read(s.getEvaluation());
      if (evaluation.metrics() != null) {
        metrics.putAll(evaluation.metrics());
      }
      if (evaluation.checks() != null) {
        checks.addAll(evaluation.checks());
      }
      charts = evaluation.charts() == null ? "{}" : write(evaluation.charts());
    }
    boolean withheld = rules.getHiddenChecks() == HiddenChecks.AFTER_DUE && rules.getDueAt() != null
        && now.isBefore(rules.getDueAt());
    Double penalty = s.getDaysLate() > 0
        ? Math.min(100.0, (double) s.getDaysLate() * rules.getLatePenaltyPercentPerDay()) : null;
    String hook = null;
    Integer line = null;
    if (errorEvent != null && errorEvent.hasNonNull("line")) {
      line = errorEvent.get("line").asInt();
      String file = errorEvent.path("file").asText("");
      hook = file.replaceAll(".*/", "").replace(".java", "");
    }
    else if (s.getMessage() != null && (outcome == Outcome.COMPILE_ERROR || outcome == Outcome.RUNTIME_ERROR)) {
      Matcher m = SOURCE_LINE.matcher(s.getMessage());
      if (m.find()) {
        hook = m.group(1);
        line = Integer.parseInt(m.group(2));
      }
    }
    return new ResultView(s, "verdict." + (outcome == null ? "UNKNOWN" : outcome.name()), tone, metrics, checks,
        withheld, rules.getDueAt(), penalty, charts, hook, line);
  }

  private static String write(Object charts) {
    try {
      return CHARTS.writeValueAsString(charts);
    }
    catch (JsonProcessingException e) {
      throw new IllegalStateException("stored chart data is not writable: " + e.getOriginalMessage(), e);
    }
  }
}
