package org.ethoslab.app.grading;

import java.util.Map;

import org.ethoslab.app.queue.JobSubmission;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.contract.lab.LabSpec.ParamSpec;
import org.springframework.validation.Errors;

/**
 * Checks a {@link LabSettingsForm} against the lab's spec: each default has the parameter's type and lies within its
 * bounds or choices, rubric thresholds are numbers and points are 0–1000, attempt and deadline rules are in range.
 * Every problem is reported on its own field, with the limit it broke.
 */
final class LabSettingsValidator {

  static final double MAX_POINTS = 1000;

  private LabSettingsValidator() {
  }

  static void validate(LabSettingsForm form, LabSpec spec, Errors errors) {
    for (Map.Entry<String, String> e : form.getDefaults().entrySet()) {
      String field = "defaults[" + e.getKey() + "]";
      String value = e.getValue() == null ? "" : e.getValue().strip();
      spec.param(e.getKey()).ifPresentOrElse(
          p -> { if (!value.isEmpty()) checkParam(p, value, field, errors); },
          () -> errors.rejectValue(field, "labSettings.param.unknown", new Object[] {e.getKey()}, null));
    }
    for (String name : form.getEditable()) {
      if (spec.param(name).isEmpty()) {
        errors.rejectValue("editable", "labSettings.param.unknown", new Object[] {name}, null);
      }
    }
    for (Map.Entry<String, String> e : form.getThresholds().entrySet()) {
      String value = e.getValue() == null ? "" : e.getValue().strip();
      if (spec.check(e.getKey()).isEmpty()) {
        errors.rejectValue("thresholds[" + e.getKey() + "]", "labSettings.check.unknown", new Object[] {e.getKey()},
            null);
      } else if (!value.isEmpty() && parseFinite(value) == null) {
        errors.rejectValue("thresholds[" + e.getKey() + "]", "labSettings.threshold.number");
      }
    }
    for (Map.Entry<String, String> e : form.getPoints().entrySet()) {
      String value = e.getValue() == null ? "" : e.getValue().strip();
      Double points = value.isEmpty() ? null : parseFinite(value);
      if (spec.check(e.getKey()).isEmpty()) {
        errors.rejectValue("points[" + e.getKey() + "]", "labSettings.check.unknown", new Object[] {e.getKey()}, null);
      } else if (!value.isEmpty() && (points == null || points < 0 || points > MAX_POINTS)) {
        errors.rejectValue("points[" + e.getKey() + "]", "labSettings.points.range", new Object[] {(int) MAX_POINTS},
            null);
      }
    }
    checkRules(form, errors);
  }

  private static void checkRules(LabSettingsForm form, Errors errors) {
    if (form.getMaxAttempts() != null && (form.getMaxAttempts() < 1 || form.getMaxAttempts() > 100)) {
      errors.rejectValue("maxAttempts", "labSettings.range", new Object[] {1, 100}, null);
    }
    if (form.getCooldownSeconds() == null || form.getCooldownSeconds() < 0 || form.getCooldownSeconds() > 86_400) {
      errors.rejectValue("cooldownSeconds", "labSettings.range", new Object[] {0, 86_400}, null);
    }
    Integer penalty = form.getLatePenaltyPercentPerDay();
    if (penalty == null || penalty < 0 || penalty > 100) {
      errors.rejectValue("latePenaltyPercentPerDay", "labSettings.range", new Object[] {0, 100}, null);
    }
    if (form.getHardCutoffAt() != null && form.getDueAt() != null
        && form.getHardCutoffAt().isBefore(form.getDueAt())) {
      errors.rejectValue("hardCutoffAt", "labSettings.cutoffBeforeDue");
    }
    if (form.getComputeTier() == null || !JobSubmission.TIERS.contains(form.getComputeTier())) {
      errors.rejectValue("computeTier", "labSettings.tier.unknown");
    }
    if (form.getScorePolicy() == null) {
      errors.rejectValue("scorePolicy", "NotNull");
    }
    if (form.getHiddenChecks() == null) {
      errors.rejectValue("hiddenChecks", "NotNull");
    }
  }

  private static void checkParam(ParamSpec p, String value, String field, Errors errors) {
    switch (p.type()) {
      case "int", "double" -> {
        Double number = parseFinite(value);
        if (number == null || ("int".equals(p.type()) && number != Math.rint(number))) {
          errors.rejectValue(field, "int".equals(p.type()) ? "labSettings.param.int" : "labSettings.param.number");
        } else if ((p.min() != null && number < p.min()) || (p.max() != null && number > p.max())) {
          errors.rejectValue(field, "labSettings.param.range", new Object[] {LabSettingsJson.plain(p.min()),
              LabSettingsJson.plain(p.max())}, null);
        }
      }
      case "boolean" -> {
        if (!"true".equals(value) && !"false".equals(value)) {
          errors.rejectValue(field, "labSettings.param.boolean");
        }
      }
      case "enum" -> {
        if (p.choices() == null || !p.choices().contains(value)) {
          errors.rejectValue(field, "labSettings.param.choice", new Object[] {String.join(", ", p.choices())}, null);
        }
      }
      default -> errors.rejectValue(field, "labSettings.param.unknownType", new Object[] {p.type()}, null);
    }
  }

  static Double parseFinite(String value) {
    try {
      double d = Double.parseDouble(value);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
