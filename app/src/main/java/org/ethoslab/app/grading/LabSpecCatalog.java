package org.ethoslab.app.grading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.ethoslab.labs.cli.Labs;
import org.ethoslab.labs.core.Json;
import org.ethoslab.labs.core.Lab;
import org.springframework.stereotype.Component;

/**
 * The specs of the labs this build ships, as the app's own records: read once through the labs registry, written to
 * JSON by the labs' own mapper and read back here, so the app depends on the spec's JSON shape (the same one
 * {@code labs describe} prints), not on the labs' classes.
 */
@Component
public class LabSpecCatalog {

  private static final ObjectMapper READER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** What the instructor's settings need of a lab spec. */
  public record Spec(String id, String version, String title, String computeTier, List<Param> params,
                     List<Check> checks) {

    public Optional<Param> param(String name) {
      return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Check> check(String id) {
      return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }
  }

  /** A typed parameter: {@code type} is {@code int|double|boolean|enum}. */
  public record Param(String name, String type, Double min, Double max, List<String> choices,
                      @JsonProperty("default") Object defaultValue, String help) {

    /** The values it accepts, for the form's hint: "1 to 10", or the choices, or "true, false". */
    public String range() {
      if (choices != null && !choices.isEmpty()) {
        return String.join(", ", choices);
      }
      if (min != null || max != null) {
        return LabSettingsJson.plain(min) + " to " + LabSettingsJson.plain(max);
      }
      return "true, false";
    }
  }

  /** A rubric check: passes when {@code metric op threshold}; worth {@code points}. */
  public record Check(String id, String description, double points, String metric, String op, double threshold) {
  }

  private final Map<String, Spec> specs = new LinkedHashMap<>();

  LabSpecCatalog() {
    for (Lab lab : Labs.registry().all()) {
      Spec spec = READER.convertValue(Json.MAPPER.valueToTree(lab.spec()), Spec.class);
      specs.put(spec.id(), spec);
    }
  }

  /** The spec of a lab id ({@code w2s}, {@code mergealign}, {@code prefopt}), if this build ships it. */
  public Optional<Spec> find(String labId) {
    return Optional.ofNullable(specs.get(labId));
  }
}
