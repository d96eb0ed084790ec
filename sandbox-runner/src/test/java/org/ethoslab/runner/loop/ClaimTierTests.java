package org.ethoslab.runner.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.ethoslab.contract.runner.ClaimResponse;
import org.ethoslab.contract.runner.RunnerCapabilities;
import org.junit.jupiter.api.Test;

/** What a slot reports when it claims, and which claimed jobs keep the GPU share the slot reserved. */
class ClaimTierTests {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aSlotWithoutAFreeGpuReportsNoneSoTheAppOffersItCpuWorkOnly() {
    RunnerCapabilities gpuNode = new RunnerCapabilities(16, 65536, 2, 81559, List.of("w2s"), "FULL", 4, "0.1.0");

    RunnerCapabilities reported = RunnerLoop.withoutGpus(gpuNode);

    assertThat(reported.gpus()).isZero();
    assertThat(reported.gpuMemoryMb()).isZero();
    assertThat(reported).usingRecursiveComparison().ignoringFields("gpus", "gpuMemoryMb").isEqualTo(gpuNode);
  }

  @Test
  void gpuTierOrAGpuDeviceNeedsTheShare() throws Exception {
    assertThat(RunnerLoop.needsGpu(claim("gpu", "{}"))).isTrue();
    assertThat(RunnerLoop.needsGpu(claim("cpu-small", "{\"resources\":{\"device\":\"gpu\"}}"))).isTrue();
    assertThat(RunnerLoop.needsGpu(claim("cpu-small", "{\"resources\":{\"device\":\"cpu\"}}"))).isFalse();
    assertThat(RunnerLoop.needsGpu(claim("cpu-small", "{}"))).isFalse();
  }

  private ClaimResponse claim(String tier, String input) throws Exception {
    return new ClaimResponse(1, "w2s", "1", json.readTree(input), 60, 1, tier);
  }
}
