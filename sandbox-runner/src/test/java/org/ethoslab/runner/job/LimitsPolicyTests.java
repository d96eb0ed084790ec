package org.ethoslab.runner.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.ethoslab.contract.runner.ClaimResponse;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.sandbox.JobLimits;
import org.junit.jupiter.api.Test;

class LimitsPolicyTests {

  private final ObjectMapper json = new ObjectMapper();
  private final JobEnvironment env = new JobEnvironment(new LabDistribution(List.of("-jar", "labs.jar"), List.of(),
      new LabDistribution.HookHost(List.of())), Path.of("work"), Optional.empty(), false, 2, 4096,
      Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofMinutes(5), 1, OptionalInt.empty(),
      new LabSpecs(java.util.Map.of()), Path.of("/tmp"));

  private JobLimits resolve(String input) throws Exception {
    ObjectNode node = (ObjectNode) json.readTree(input);
    ClaimResponse claim = new ClaimResponse(1, "w2s", "2", node, 30, 1, "cpu-small");
    return LimitsPolicy.resolve(node, JobLifecycle.parse(claim, node), env);
  }

  @Test
  void aJobGetsWhatItAsksForWithinTheSlotShare() throws Exception {
    JobLimits limits = resolve(
        "{\"resources\":{\"cpus\":8,\"memoryMb\":2048},\"limits\":{\"wallSeconds\":7200,\"heapMb\":1000}}");
    assertThat(limits.cpus()).isEqualTo(2);
    assertThat(limits.memoryMb()).isEqualTo(2048);
    assertThat(limits.heapMb()).isEqualTo(1000);
    assertThat(limits.wallTime()).isEqualTo(Duration.ofHours(1));
    assertThat(limits.cpuSeconds()).isEqualTo(7200);
  }

  @Test
  void defaultsComeFromTheSlot() throws Exception {
    JobLimits limits = resolve("{}");
    assertThat(limits.cpus()).isEqualTo(2);
    assertThat(limits.memoryMb()).isEqualTo(4096);
    assertThat(limits.wallTime()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void badValuesNameTheField() {
    assertThatThrownBy(() -> resolve("{\"limits\":{\"wallSeconds\":\"soon\"}}"))
        .isInstanceOf(JobFailure.class).hasMessageContaining("limits.wallSeconds")
        .satisfies(e -> assertThat(((JobFailure) e).outcome()).isEqualTo(Outcome.BAD_INPUT));
    assertThatThrownBy(() -> resolve("{\"resources\":{\"memoryMb\":10}}"))
        .hasMessageContaining("resources.memoryMb: must be at least 64");
    assertThatThrownBy(() -> resolve("{\"resources\":{\"memoryMb\":512},\"limits\":{\"heapMb\":1024}}"))
        .hasMessageContaining("limits.heapMb (1024) is larger than the job's memory (512 MB)");
  }
}
