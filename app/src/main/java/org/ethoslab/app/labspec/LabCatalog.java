package org.ethoslab.app.labspec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ethoslab.labs.cli.Labs;
import org.ethoslab.labs.core.Json;
import org.ethoslab.labs.core.Lab;
import org.springframework.stereotype.Component;

/**
 * The labs this build ships, as the app's own records. Each LabSpec is written to JSON by the labs' mapper (the shape
 * {@code labs describe} prints) and read back here, so pages depend on that JSON contract and never on engine types.
 */
@Component
public class LabCatalog {

  private static final ObjectMapper READER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** One lab: parameters, student hooks, rubric checks and the limits the runner enforces. */
  public record LabDefinition(String id, String version, String title, String summary, String computeTier,
                              Limits limits, List<Param> params, List<Hook> hooks, List<Check> checks) {

    public Optional<Param> param(String name) {
      return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Hook> hook(String name) {
      return hooks.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public Optional<Check> check(String id) {
      return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }
  }

  /** Wall-clock, CPU and memory limits of one job. */
  public record Limits(int wallSeconds, int cpuSeconds, int memoryMb) {
  }

  /** A typed parameter: {@code type} is {@code int|double|boolean|enum}; bounds for numbers, choices for enums. */
  public record Param(String name, String type, Double min, Double max, List<String> choices,
                      @JsonProperty("default") Object defaultValue, String help) {

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

  /** A class the student writes: {@code name} implements {@code interfaceName}; starts from {@code starterCode}. */
  public record Hook(String name, String interfaceName, String description, String starterCode) {
  }

  /** A rubric check over one metric. */
  public record Check(String id, String description, double points, String metric, String op, double threshold) {
  }

  private final Map<String, LabDefinition> labs = new LinkedHashMap<>();

  LabCatalog() {
    for (Lab lab : Labs.registry().all()) {
      LabDefinition definition = READER.convertValue(Json.MAPPER.valueToTree(lab.spec()), LabDefinition.class);
      labs.put(definition.id(), definition);
    }
  }

  /** The lab with this id ({@code w2s}, {@code mergealign}, {@code prefopt}), if this build ships it. */
  public Optional<LabDefinition> find(String labId) {
    return Optional.ofNullable(labs.get(labId));
  }
}
