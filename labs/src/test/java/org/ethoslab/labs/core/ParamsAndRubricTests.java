package org.ethoslab.labs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.job.LabExit;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.labs.w2s.W2sLab;
import org.junit.jupiter.api.Test;

class ParamsAndRubricTests {
  private final LabSpec spec = new W2sLab().spec();

  private static JsonNode json(String s) throws Exception {
    return ContractJson.MAPPER.readTree(s);
  }

  @Test
  void defaultsFillMissingParameters() throws Exception {
    Params p = Params.validate(spec, json("{\"numSeeds\": 7}"));
    assertThat(p.getInt("numSeeds")).isEqualTo(7);
    assertThat(p.getString("task")).isEqualTo("safety");
    assertThat(p.getDouble("confidenceLoss")).isEqualTo(0.0);
  }

  @Test
  void outOfBoundsNamesTheParameterAndTheBound() {
    assertThatThrownBy(() -> Params.validate(spec, json("{\"numSeeds\": 50}")))
        .isInstanceOfSatisfying(LabFailure.class, f -> {
          assertThat(f.kind()).isEqualTo(LabExit.BAD_INPUT);
          assertThat(f.getMessage()).isEqualTo("params.numSeeds: must be between 1 and 10, got 50");
        });
    assertThatThrownBy(() -> Params.validate(spec, json("{\"voting\": \"median\"}")))
        .hasMessage("params.voting: must be one of soft, hard, got \"median\"");
    assertThatThrownBy(() -> Params.validate(spec, json("{\"bogus\": 1}")))
        .hasMessage("params.bogus: unknown parameter for lab w2s");
    assertThatThrownBy(() -> Params.validate(spec, json("{\"numSeeds\": 2.5}")))
        .hasMessage("params.numSeeds: must be an integer, got 2.5");
  }

  @Test
  void rubricAppliesOverridesAndWritesOneSentenceReasons() {
    var results = Rubric.score(spec, Map.of("pgr-positive", new JobInput.RubricOverride(0.3, 40.0)),
        Map.of("pgr.median", 0.52, "hooks.agreement", 0.5));
    assertThat(results).hasSize(2);
    var hooks = results.get(0);
    assertThat(hooks.passed()).isFalse();
    assertThat(hooks.earned()).isZero();
    var pgr = results.get(1);
    assertThat(pgr.passed()).isTrue();
    assertThat(pgr.points()).isEqualTo(40.0);
    assertThat(pgr.reason()).isEqualTo("median PGR 0.52 ≥ 0.30");
    assertThatThrownBy(() -> Rubric.score(spec, Map.of("nope", new JobInput.RubricOverride(1.0, null)), Map.of()))
        .hasMessage("rubric.nope: unknown check for lab w2s");
  }
}
