package org.ethoslab.labs.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a lab is, as data the app renders its forms from: typed parameters with bounds and defaults, student hooks,
 * rubric checks over metrics, compute tier and limits. Serialised to JSON by {@code labs describe}.
 */
public record LabSpec(String id, String version, String title, String summary, String computeTier, Limits limits,
                      List<ParamSpec> params, List<HookSpec> hooks, List<CheckSpec> checks) {

    /** Resource limits the runner enforces for one job of this lab. */
    public record Limits(int wallSeconds, int cpuSeconds, int memoryMb) {
    }

    /**
     * One typed parameter. {@code type} is {@code int|double|boolean|enum}; {@code min}/{@code max} apply to numbers,
     * {@code choices} to enums.
     */
    public record ParamSpec(String name, String type, Number min, Number max, List<String> choices,
                            @JsonProperty("default") Object defaultValue, String help) {

        public static ParamSpec intParam(String name, int min, int max, int def, String help) {
            return new ParamSpec(name, "int", min, max, null, def, help);
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
    }

    /** A student hook: a class named {@code name} implementing {@code interfaceName}, with starter code. */
    public record HookSpec(String name, String interfaceName, String description, String starterCode) {
    }

    /** A rubric check: passes when {@code metric op threshold} holds; worth {@code points}. */
    public record CheckSpec(String id, String description, double points, String metric, String op, double threshold) {
    }

    public ParamSpec param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    public HookSpec hook(String name) {
        return hooks.stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
    }
}
