package org.ethoslab.app.gradebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ethoslab.app.queue.StoredEvaluation;
import org.ethoslab.app.submission.Submission;
import org.ethoslab.contract.lab.Evaluation;

/**
 * What the instructor reads about one submission: parameters and hook code by class from its stored JSON, metrics and
 * each rubric check with points earned and its one-line reason from its trusted {@link Evaluation}.
 */
record SubmissionDetail(Map<String, String> params, Map<String, String> code, Map<String, String> metrics,
                        List<Check> checks) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One rubric check as the trusted evaluation graded it. */
  record Check(String id, String description, String earned, String points, boolean passed, String reason) {
  }

  static SubmissionDetail of(Submission s) {
    Map<String, String> metrics = new LinkedHashMap<>();
    List<Check> checks = new ArrayList<>();
    StoredEvaluation.find(s.getEvaluation()).ifPresent(evaluation -> {
      if (evaluation.metrics() != null) {
        evaluation.metrics().forEach((name, value) -> metrics.put(name, number(value)));
      }
      if (evaluation.checks() != null) {
        for (Evaluation.CheckResult c : evaluation.checks()) {
          checks.add(new Check(c.id(), c.description(), GradebookCsv.number(c.earned()),
              GradebookCsv.number(c.points()), c.passed(), c.reason()));
        }
      }
    });
    return new SubmissionDetail(texts(read(s.getParams())), texts(read(s.getCode())), metrics, checks);
  }

  private static Map<String, String> texts(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.properties().forEach(e -> out.put(e.getKey(),
        e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    return out;
  }

  /** An undefined metric (stored as null, e.g. a ratio over a zero gap) reads as a dash. */
  private static String number(Double value) {
    return value == null ? "—" : GradebookCsv.number(value);
  }

  /** Unreadable or missing JSON reads as an empty object: the page still shows everything else. */
  private static JsonNode read(String json) {
    if (json == null || json.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(json);
      return node.isObject() ? node : JSON.createObjectNode();
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }
}
