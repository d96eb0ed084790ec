package org.ethoslab.app.lab;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ethoslab.contract.lab.LabSpec.ParamSpec;

/**
 * Reads the parameter form a student submitted against the lab's typed parameters. Only editable parameters are
 * read; the others keep their effective defaults whatever the request says. Each bad field gets one message that
 * names its bounds, and a form with any error is not used.
 */
public final class ParamForm {

  private ParamForm() {
  }

  /** The parameters to run with, or the field errors. */
  public record Result(Map<String, Object> values, Map<String, String> errors) {

    public boolean valid() {
      return errors.isEmpty();
    }
  }

  /** Validates {@code submitted} (field name → raw text) against the lab's parameters. */
  public static Result read(LabSettings settings, Map<String, String> submitted) {
    Map<String, Object> values = new LinkedHashMap<>(settings.effectiveParams());
    Map<String, String> errors = new LinkedHashMap<>();
    for (ParamSpec param : settings.lab().params()) {
      if (!settings.editable(param.name())) {
        continue;
      }
      String raw = submitted.get(param.name());
      if ("boolean".equals(param.type())) {
        values.put(param.name(), raw != null && (raw.equals("true") || raw.equals("on")));
        continue;
      }
      if (raw == null || raw.isBlank()) {
        errors.put(param.name(), param.name() + ": enter a value");
        continue;
      }
      String text = raw.strip();
      switch (param.type()) {
        case "int" -> readInt(param, text, values, errors);
        case "double" -> readDouble(param, text, values, errors);
        case "enum" -> {
          if (param.choices() != null && param.choices().contains(text)) {
            values.put(param.name(), text);
          }
          else {
            errors.put(param.name(), param.name() + ": choose one of " + param.choices());
          }
        }
        default -> errors.put(param.name(), param.name() + ": this lab declares an unknown type " + param.type());
      }
    }
    return new Result(values, errors);
  }

  private static void readInt(ParamSpec param, String text, Map<String, Object> values, Map<String, String> errors) {
    long value;
    try {
      value = Long.parseLong(text);
    }
    catch (NumberFormatException e) {
      errors.put(param.name(), param.name() + ": enter a whole number, got '" + text + "'");
      return;
    }
    if (!inBounds(param, value)) {
      errors.put(param.name(), param.name() + ": must be between " + format(param.min()) + " and "
          + format(param.max()) + ", got " + value);
      return;
    }
    values.put(param.name(), (int) value);
  }

  private static void readDouble(ParamSpec param, String text, Map<String, Object> values, Map<String, String> errors) {
    double value;
    try {
      value = Double.parseDouble(text);
    }
    catch (NumberFormatException e) {
      errors.put(param.name(), param.name() + ": enter a number, got '" + text + "'");
      return;
    }
    if (!Double.isFinite(value) || !inBounds(param, value)) {
      errors.put(param.name(), param.name() + ": must be between " + format(param.min()) + " and "
          + format(param.max()) + ", got " + text);
      return;
    }
    values.put(param.name(), value);
  }

  private static boolean inBounds(ParamSpec param, double value) {
    return (param.min() == null || value >= param.min()) && (param.max() == null || value <= param.max());
  }

  /** 1.0 prints as 1, 0.25 as 0.25: bounds read the way the lab author wrote them; no bound reads "any". */
  static String format(Double bound) {
    return bound == null ? "any" : ParamSpec.plain(bound);
  }
}
