package org.ethoslab.runner.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ethoslab.contract.runner.ClaimResponse;
import org.ethoslab.contract.runner.JobEvent;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.gpu.GpuShare;
import org.ethoslab.runner.sandbox.JobLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device a job gets, and what its job file then says (the labs pick their GPU-tier scale from it). */
class DevicePolicyTests {

  private final ObjectMapper json = new ObjectMapper();
  private final GpuShare share = new GpuShare(1, List.of(Path.of("/dev/nvidia1")), 81559);
  private final List<JobEvent> sent = new ArrayList<>();
  private final EventStream events = new EventStream(json, batch -> {
    sent.addAll(batch);
    return batch.get(batch.size() - 1).seq();
  }, 100);

  @TempDir
  Path dir;

  @Test
  void aGpuTierJobWithAShareRunsOnTheGpuAndItsJobFileSaysSo() throws Exception {
    ClaimResponse claim = claim("gpu", "{\"params\":{},\"resources\":{\"cpus\":2}}");
    Optional<GpuShare> device = DevicePolicy.choose(claim, claim.input(), Optional.of(share), events);
    assertThat(device).contains(share);

    Files.createDirectories(dir.resolve("sandbox"));
    Files.createDirectories(dir.resolve("trusted"));
    JobFiles files = JobFiles.write(json, claim, JobLifecycle.parse(claim, (ObjectNode) claim.input()), JobLimits.of(2, 2048,
        Duration.ofMinutes(5)), "gpu", dir.resolve("sandbox"), dir.resolve("trusted"));
    assertThat(json.readTree(files.sandboxJob().toFile()).path("resources").path("device").asText())
        .isEqualTo("gpu");
  }

  @Test
  void cpuWorkNeverKeepsAShareAndAGpuRequestWithoutOneRunsOnTheCpuWithANote() throws Exception {
    ClaimResponse cpu = claim("cpu-small", "{\"resources\":{\"device\":\"cpu\"}}");
    assertThat(DevicePolicy.choose(cpu, cpu.input(), Optional.of(share), events)).isEmpty();

    ClaimResponse asksGpu = claim("cpu-small", "{\"resources\":{\"device\":\"gpu\"}}");
    assertThat(DevicePolicy.choose(asksGpu, asksGpu.input(), Optional.empty(), events)).isEmpty();
    events.flush();
    assertThat(sent).anySatisfy(e -> assertThat(e.data().toString()).contains("running on the CPU"));
  }

  @Test
  void aDeviceThatIsNeitherCpuNorGpuIsBadInputNamingTheField() throws Exception {
    ClaimResponse claim = claim("cpu-small", "{\"resources\":{\"device\":\"tpu\"}}");
    assertThatThrownBy(() -> DevicePolicy.choose(claim, claim.input(), Optional.empty(), events))
        .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.outcome()).isEqualTo(Outcome.BAD_INPUT))
        .hasMessageContaining("resources.device");
  }

  private ClaimResponse claim(String tier, String input) throws Exception {
    return new ClaimResponse(7, "w2s", "1", json.readTree(input), 60, 1, tier);
  }
}
