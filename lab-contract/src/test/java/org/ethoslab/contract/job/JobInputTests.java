package org.ethoslab.contract.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.ethoslab.contract.ContractJson;
import org.junit.jupiter.api.Test;

class JobInputTests {

  private static JsonNode json(String s) throws Exception {
    return ContractJson.MAPPER.readTree(s);
  }

  @Test
  void jobFileFieldsAreParsedAndValidated() throws Exception {
    JobInput job = JobInput.parse(json("""
        {"jobId":"123","lab":"w2s","labVersion":"1","seed":42,"params":{"numSeeds":5},
         "hooks":{"SoftVote":"public class SoftVote {}"},
         "rubric":{"pgr-positive":{"threshold":0.3,"points":50}},
         "resources":{"cpus":1,"memoryMb":2048,"device":"cpu"},"limits":{"wallSeconds":300},
         "hidden":{"evalSeed":987654}}
        """));
    assertThat(job.seed()).isEqualTo(42);
    assertThat(job.hooks()).containsKey("SoftVote");
    assertThat(job.carriesStudentCode()).isTrue();
    assertThat(job.rubric().get("pgr-positive").threshold()).isEqualTo(0.3);
    assertThat(job.limits().wallSeconds()).isEqualTo(300);
    assertThat(job.evalSeed("w2s-hidden-test")).isEqualTo(987654);
    assertThat(job.withoutHidden().hidden()).isNull();
    assertThat(job.withoutHidden().evalSeed("w2s-hidden-test")).isEqualTo(Seeds.derive(42, "w2s-hidden-test"));
  }

  @Test
  void badFieldsAreNamed() {
    assertThatThrownBy(() -> JobInput.parse(json("{\"lab\":\"w2s\",\"resources\":{\"device\":\"tpu\"}}")))
        .isInstanceOf(InvalidJobException.class).hasMessage("resources.device: must be cpu or gpu, got tpu");
    assertThatThrownBy(() -> JobInput.parse(json("{\"params\":{}}")))
        .hasMessage("lab: required text field is missing");
    assertThatThrownBy(() -> JobInput.parse(json("{\"lab\":\"w2s\",\"limits\":{\"heapMb\":2.5}}")))
        .hasMessage("limits.heapMb: must be a whole number, was 2.5");
    assertThatThrownBy(() -> JobInput.parse(json("{\"lab\":\"w2s\",\"hidden\":{\"evalSeed\":\"x\"}}"))
        .evalSeed("s")).hasMessage("hidden.evalSeed: must be an integer, got \"x\"");
    assertThatThrownBy(() -> JobInput.parse(json("{\"lab\":\"w2s\"}")).dataFile("dataset.file", "../etc/passwd"))
        .hasMessage("dataset.file: must be a plain file name next to the job file, got ../etc/passwd");
  }

  @Test
  void aJobWrittenAsJsonReadsBackTheSame() throws Exception {
    JobInput job = new JobInput("7", "w2s", "2", 42, json("{\"numSeeds\":3}"), Map.of("SoftVote", "class X {}"),
        Map.of("pgr-positive", new JobInput.RubricOverride(0.3, null)), new JobInput.Resources(1, 2048, "cpu"),
        JobInput.Limits.of(300, 600), json("{\"evalSeed\":5}"), null, null);
    JsonNode written = job.toJson();
    assertThat(written.has("baseDir")).isFalse();
    assertThat(JobInput.parse(written)).isEqualTo(job);
  }

  @Test
  void seedsAreStableAndDifferPerStream() {
    assertThat(Seeds.derive(42, "data")).isEqualTo(Seeds.derive(42, "data"));
    assertThat(Seeds.derive(42, "data")).isNotEqualTo(Seeds.derive(42, "teachers"));
    assertThat(Seeds.derive(42, "data")).isNotEqualTo(Seeds.derive(43, "data"));
  }
}
