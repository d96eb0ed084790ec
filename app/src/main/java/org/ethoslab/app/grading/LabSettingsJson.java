package org.ethoslab.app.grading;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.contract.lab.LabSpec.CheckSpec;
import org.ethoslab.contract.lab.LabSpec.ParamSpec;

/**
 * Converts between the settings form and the JSON kept on {@link LabAssignment}: {@code paramDefaults} as
 * name → typed value, {@code editableParams} as an array of names, {@code rubricOverrides} as
 * check id → {@code {"threshold", "points"}} — the job file's {@code rubric} shape, so it is passed on unchanged.
 */
final class LabSettingsJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LabSettingsJson() {
  }

  /** Fills the form from stored settings; parameters and checks without a stored value are blank. */
  static LabSettingsForm toForm(LabAssignment a, LabSpec spec) {
    LabSettingsForm form = new LabSettingsForm();
    JsonNode defaults = read(a.getParamDefaults());
    JsonNode editable = a.getEditableParams() == null ? null : read(a.getEditableParams());
    for (ParamSpec p : spec.params()) {
      JsonNode v = defaults.get(p.name());
      form.getDefaults().put(p.name(), v == null ? "" : v.asText());
      boolean mayChange = editable == null || !editable.isArray()
          || java.util.stream.StreamSupport.stream(editable.spliterator(), false)
              .anyMatch(n -> n.asText().equals(p.name()));
      if (mayChange) {
        form.getEditable().add(p.name());
      }
    }
    JsonNode rubric = read(a.getRubricOverrides());
    for (CheckSpec c : spec.checks()) {
      JsonNode o = rubric.path(c.id());
      form.getThresholds().put(c.id(), o.has("threshold") ? plain(o.get("threshold").asDouble()) : "");
      form.getPoints().put(c.id(), o.has("points") ? plain(o.get("points").asDouble()) : "");
    }
    form.setMaxAttempts(a.getMaxAttempts());
    form.setCooldownSeconds(a.getCooldownSeconds());
    form.setDueAt(local(a.getDueAt()));
    form.setHardCutoffAt(local(a.getHardCutoffAt()));
    form.setLatePenaltyPercentPerDay(a.getLatePenaltyPercentPerDay());
    form.setScorePolicy(a.getScorePolicy());
    form.setComputeTier(a.getComputeTier());
    form.setHiddenChecks(a.getHiddenChecks());
    return form;
  }

  /** Typed defaults of the non-blank fields; null when there are none. A validated form is assumed. */
  static String paramDefaults(LabSettingsForm form, LabSpec spec) {
    ObjectNode out = JSON.createObjectNode();
    for (ParamSpec p : spec.params()) {
      String v = form.getDefaults().getOrDefault(p.name(), "").strip();
      if (v.isEmpty()) {
        continue;
      }
      switch (p.type()) {
        case "int" -> out.put(p.name(), (long) Double.parseDouble(v));
        case "double" -> out.put(p.name(), Double.parseDouble(v));
        case "boolean" -> out.put(p.name(), Boolean.parseBoolean(v));
        default -> out.put(p.name(), v);
      }
    }
    return out.isEmpty() ? null : out.toString();
  }

  /** The names students may change, in spec order; null when all may (the default). */
  static String editableParams(LabSettingsForm form, LabSpec spec) {
    ArrayNode out = JSON.createArrayNode();
    spec.params().stream().map(ParamSpec::name).filter(form.getEditable()::contains).forEach(out::add);
    return out.size() == spec.params().size() ? null : out.toString();
  }

  /** Per-check overrides of the non-blank fields; null when there are none. */
  static String rubricOverrides(LabSettingsForm form, LabSpec spec) {
    ObjectNode out = JSON.createObjectNode();
    for (CheckSpec c : spec.checks()) {
      String t = form.getThresholds().getOrDefault(c.id(), "").strip();
      String p = form.getPoints().getOrDefault(c.id(), "").strip();
      if (t.isEmpty() && p.isEmpty()) {
        continue;
      }
      ObjectNode o = out.putObject(c.id());
      if (!t.isEmpty()) {
        o.put("threshold", Double.parseDouble(t));
      }
      if (!p.isEmpty()) {
        o.put("points", Double.parseDouble(p));
      }
    }
    return out.isEmpty() ? null : out.toString();
  }

  /** True when two stored JSON settings mean the same (key order and spacing aside). */
  static boolean sameJson(String a, String b) {
    return Objects.equals(read(a), read(b));
  }

  static OffsetDateTime utc(LocalDateTime value) {
    return value == null ? null : value.atOffset(ZoneOffset.UTC);
  }

  static String plain(Double value) {
    return ParamSpec.plain(value);
  }

  private static LocalDateTime local(OffsetDateTime value) {
    return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }

  private static JsonNode read(String json) {
    if (json == null || json.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored lab settings are not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
