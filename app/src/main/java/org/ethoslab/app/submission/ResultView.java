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
import org.ethoslab.runner.protocol.Outcome;

/**
 * A finished submission as the result page shows it: the verdict, metrics, rubric checks (withheld until the due date
 * when the instructor chose {@link HiddenChecks#AFTER_DUE}), the score with its late penalty, chart data for the page
 * script, and for a compile error the hook and line to open in the editor.
 */
record ResultView(Submission submission, String verdictKey, String verdictTone, Map<String, Double> metrics,
                  List<Check> checks, boolean checksWithheld, OffsetDateTime checksShownAt, Double penaltyPercent,
                  String chartsJson, String errorHook, Integer errorLine) {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** {@code SoftVote.java:12} in a verdict message: the runner's compile and runtime messages name the line so. */
  private static final Pattern SOURCE_LINE = Pattern.compile("\\b([A-Z][A-Za-z0-9_]*)\\.java:(\\d{1,6})");

  /** One rubric check result. */
  record Check(String id, String description, double points, double earned, boolean passed, String reason) {
  }

  static ResultView of(Submission s, LabAssignment rules, OffsetDateTime now, JsonNode errorEvent) {
    Outcome outcome = s.getOutcome();
    String tone = outcome == Outcome.SUCCEEDED ? "ok" : outcome != null && outcome.studentCaused() ? "fail" : "neutral";
    Map<String, Double> metrics = new TreeMap<>();
    List<Check> checks = new ArrayList<>();
    String charts = "{}";
    if (s.getEvaluation() != null) {
      JsonNode evaluation = read(s.getEvaluation());
      evaluation.path("metrics").fields().forEachRemaining(e ->
          metrics.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : null));
      for (JsonNode c : evaluation.path("checks")) {
        checks.add(new Check(c.path("id").asText(), c.path("description").asText(), c.path("points").asDouble(),
            c.path("earned").asDouble(), c.path("passed").asBoolean(), c.path("reason").asText()));
      }
      charts = evaluation.path("charts").toString();
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

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    }
    catch (JsonProcessingException e) {
      throw new IllegalStateException("stored evaluation is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
