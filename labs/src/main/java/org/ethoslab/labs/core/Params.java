package org.ethoslab.labs.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ethoslab.contract.lab.LabSpec;

/**
 * A job's parameters checked against the lab's {@link LabSpec}: unknown names, wrong types and out-of-bound values
 * are refused with a message naming the parameter and the bound; missing ones take the default.
 */
public final class Params {
  private final Map<String, Object> values;

  private Params(Map<String, Object> values) {
    this.values = values;
  }

  public static Params validate(LabSpec spec, JsonNode given) {
    for (Iterator<String> it = given.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (spec.param(name).isEmpty()) {
        throw LabFailure.badInput("params." + name, "unknown parameter for lab " + spec.id());
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (LabSpec.ParamSpec p : spec.params()) {
      JsonNode node = given.get(p.name());
      values.put(p.name(), node == null || node.isNull() ? p.defaultValue() : convert(p, node));
    }
    return new Params(values);
  }

  private static Object convert(LabSpec.ParamSpec p, JsonNode node) {
    String field = "params." + p.name();
    switch (p.type()) {
      case "int" -> {
        if (!node.isIntegralNumber()) {
          throw LabFailure.badInput(field, "must be an integer, got " + node);
        }
        long v = node.asLong();
        if (v < p.min().longValue() || v > p.max().longValue()) {
          throw LabFailure.badInput(field, "must be between " + LabSpec.ParamSpec.plain(p.min()) + " and "
              + LabSpec.ParamSpec.plain(p.max()) + ", got " + v);
        }
        return (int) v;
      }
      case "double" -> {
        if (!node.isNumber()) {
          throw LabFailure.badInput(field, "must be a number, got " + node);
        }
        double v = node.asDouble();
        if (!(v >= p.min().doubleValue() && v <= p.max().doubleValue())) {
          throw LabFailure.badInput(field, "must be between " + LabSpec.ParamSpec.plain(p.min()) + " and "
              + LabSpec.ParamSpec.plain(p.max()) + ", got " + v);
        }
        return v;
      }
      case "boolean" -> {
        if (!node.isBoolean()) {
          throw LabFailure.badInput(field, "must be true or false, got " + node);
        }
        return node.asBoolean();
      }
      case "enum" -> {
        if (!node.isTextual() || !p.choices().contains(node.asText())) {
          throw LabFailure.badInput(field, "must be one of " + String.join(", ", p.choices()) + ", got "
              + node);
        }
        return node.asText();
      }
      default -> throw new IllegalStateException("unknown parameter type " + p.type());
    }
  }

  public int getInt(String name) {
    return (Integer) values.get(name);
  }

  public double getDouble(String name) {
    return ((Number) values.get(name)).doubleValue();
  }

  public boolean getBoolean(String name) {
    return (Boolean) values.get(name);
  }

  public String getString(String name) {
    return (String) values.get(name);
  }

  /** All values after defaults, in spec order (recorded in artifacts for provenance). */
  public Map<String, Object> asMap() {
    return java.util.Collections.unmodifiableMap(values);
  }
}
