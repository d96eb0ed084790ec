package org.ethoslab.app.gradebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ethoslab.app.submission.Submission;

/**
 * What the instructor reads about one submission, taken apart from its stored JSON: parameters, hook code by class,
 * metrics, and each rubric check with points earned and its one-line reason.
 */
record SubmissionDetail(Map<String, String> params, Map<String, String> code, Map<String, String> metrics,
                        List<Check> checks) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One rubric check as the trusted evaluation graded it. */
  record Check(String id, String description, String earned, String points, boolean passed, String reason) {
  }

  static SubmissionDetail of(Submission s) {
    JsonNode evaluation = read(s.getEvaluation());
    Map<String, String> metrics = new LinkedHashMap<>();
    evaluation.path("metrics").properties().forEach(e -> metrics.put(e.getKey(), number(e.getValue())));
    List<Check> checks = new ArrayList<>();
    for (JsonNode c : evaluation.path("checks")) {
      checks.add(new Check(c.path("id").asText(), c.path("description").asText(), number(c.path("earned")),
          number(c.path("points")), c.path("passed").asBoolean(), c.path("reason").asText()));
    }
    return new SubmissionDetail(texts(read(s.getParams())), texts(read(s.getCode())), metrics, checks);
  }

  private static Map<String, String> texts(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.properties().forEach(e -> out.put(e.getKey(),
        e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    return out;
  }

  private static String number(JsonNode value) {
    return value.isNumber() ? GradebookCsv.number(value.asDouble()) : value.asText();
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
