package org.ethoslab.runner.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.ethoslab.runner.protocol.Outcome;
import org.ethoslab.runner.sandbox.JobLimits;
import org.junit.jupiter.api.Test;

class LimitsPolicyTests {

  private final ObjectMapper json = new ObjectMapper();
  private final JobEnvironment env = new JobEnvironment(new LabDistribution(List.of("-jar", "labs.jar"), List.of()),
      Path.of("work"), Optional.empty(), false, 2, 4096, Duration.ofMinutes(15), Duration.ofHours(1),
      Duration.ofMinutes(5), 1, OptionalInt.empty());

  @Test
  void aJobGetsWhatItAsksForWithinTheSlotShare() throws Exception {
    JobLimits limits = LimitsPolicy.resolve(json.readTree(
        "{\"resources\":{\"cpus\":8,\"memoryMb\":2048},\"limits\":{\"wallSeconds\":7200,\"heapMb\":1000}}"), env);
    assertThat(limits.cpus()).isEqualTo(2);
    assertThat(limits.memoryMb()).isEqualTo(2048);
    assertThat(limits.heapMb()).isEqualTo(1000);
    assertThat(limits.wallTime()).isEqualTo(Duration.ofHours(1));
    assertThat(limits.cpuSeconds()).isEqualTo(7200);
  }

  @Test
  void defaultsComeFromTheSlot() throws Exception {
    JobLimits limits = LimitsPolicy.resolve(json.readTree("{}"), env);
    assertThat(limits.cpus()).isEqualTo(2);
    assertThat(limits.memoryMb()).isEqualTo(4096);
    assertThat(limits.wallTime()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void badValuesNameTheField() {
    assertThatThrownBy(() -> LimitsPolicy.resolve(json.readTree("{\"limits\":{\"wallSeconds\":\"soon\"}}"), env))
        .isInstanceOf(JobFailure.class).hasMessageContaining("limits.wallSeconds")
        .satisfies(e -> assertThat(((JobFailure) e).outcome()).isEqualTo(Outcome.BAD_INPUT));
    assertThatThrownBy(() -> LimitsPolicy.resolve(json.readTree("{\"resources\":{\"memoryMb\":10}}"), env))
        .hasMessageContaining("resources.memoryMb must be at least 64");
    assertThatThrownBy(() -> LimitsPolicy.resolve(json.readTree(
        "{\"resources\":{\"memoryMb\":512},\"limits\":{\"heapMb\":1024}}"), env))
        .hasMessageContaining("limits.heapMb (1024) is larger than the job's memory (512 MB)");
  }
}
