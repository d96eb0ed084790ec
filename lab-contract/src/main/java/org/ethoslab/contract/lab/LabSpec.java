package org.ethoslab.contract.lab;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * What a lab is, as data: typed parameters with bounds and defaults (the app renders its forms from them), student
 * hooks, rubric checks over metrics, compute tier and limits. Printed by {@code labs list}, published by runners to
 * the app, and read back by the app's lab catalog.
 *
 * @param id          lab id, e.g. {@code w2s}
 * @param version     lab version; a job names the version it was validated against
 * @param title       the lab's name for people
 * @param summary     one paragraph on what the lab shows
 * @param computeTier {@code cpu-small} or {@code gpu}
 * @param limits      what one job of this lab may use
 * @param params      the parameters a job may set
 * @param hooks       the classes a student writes
 * @param checks      the rubric
 */
public record LabSpec(String id, String version, String title, String summary, String computeTier, Limits limits,
                      List<ParamSpec> params, List<HookSpec> hooks, List<CheckSpec> checks) {

  public LabSpec {
    params = params == null ? List.of() : List.copyOf(params);
    hooks = hooks == null ? List.of() : List.copyOf(hooks);
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  /** Resource limits the runner enforces for one job of this lab. */
  public record Limits(int wallSeconds, int cpuSeconds, int memoryMb) {
  }

  /**
   * One typed parameter. {@code type} is {@code int|double|boolean|enum}; {@code min}/{@code max} apply to numbers,
   * {@code choices} to enums.
   */
  public record ParamSpec(String name, String type, Double min, Double max, List<String> choices,
                          @JsonProperty("default") Object defaultValue, String help) {

    public static ParamSpec intParam(String name, int min, int max, int def, String help) {
      return new ParamSpec(name, "int", (double) min, (double) max, null, def, help);
    }

    public static ParamSpec doubleParam(String name, double min, double max, double def, String help) {
      return new ParamSpec(name, "double", min, max, null, def, help);
    }

    public static ParamSpec boolParam(String name, boolean def, String help) {
      return new ParamSpec(name, "boolean", null, null, null, def, help);
    }

    public static ParamSpec enumParam(String name, List<String> choices, String def, String help) {
      return new ParamSpec(name, "enum", null, null, List.copyOf(choices), def, help);
    }

    /** The values it accepts, for a form's hint: "1 to 10", or the choices, or "true, false". */
    public String range() {
      if (choices != null && !choices.isEmpty()) {
        return String.join(", ", choices);
      }
      if (min != null || max != null) {
        return plain(min) + " to " + plain(max);
      }
      return "true, false";
    }

    /** A bound as people write it: {@code 10}, not {@code 10.0}; empty when absent. */
    public static String plain(Double value) {
      if (value == null) {
        return "";
      }
      return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue())
          : Double.toString(value);
    }
  }

  /**
   * A student hook: a class named {@code name} implementing {@code interfaceName} (a one-method interface of the hook
   * API, module {@code lab-hooks}), starting from {@code starterCode}.
   */
  public record HookSpec(String name, String interfaceName, String description, String starterCode) {
  }

  /** A rubric check: passes when {@code metric op threshold} holds ({@code op} is {@code >=} or {@code <=}). */
  public record CheckSpec(String id, String description, double points, String metric, String op, double threshold) {
  }

  public Optional<ParamSpec> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Optional<HookSpec> hook(String name) {
    return hooks.stream().filter(h -> h.name().equals(name)).findFirst();
  }

  public Optional<CheckSpec> check(String id) {
    return checks.stream().filter(c -> c.id().equals(id)).findFirst();
  }
}
