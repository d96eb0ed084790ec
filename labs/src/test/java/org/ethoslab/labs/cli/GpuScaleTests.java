package org.ethoslab.labs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.labs.core.ComputeScale;
import org.ethoslab.labs.core.Lab;
import org.ethoslab.labs.core.LabRegistry;
import org.ethoslab.labs.core.Params;
import org.junit.jupiter.api.Test;

/**
 * The GPU tier's scale settings, resolved on the CPU with the code a GPU job runs: a job file with
 * {@code resources.device = gpu} gets the lab's bigger defaults, its own values win, and a CPU job is unchanged.
 */
class GpuScaleTests {

  private final Lab w2s = LabRegistry.discover().find("w2s", null);

  @Test
  void aGpuJobOfW2sRunsWithMoreSeedsDataAndSteps() throws Exception {
    JobInput job = JobInput.parse(ContractJson.MAPPER.readTree("""
        {"lab":"w2s","params":{"task":"toxicity"},"resources":{"cpus":4,"memoryMb":16384,"device":"gpu"}}"""));

    Params params = Params.validate(w2s.spec(), ComputeScale.params(job.params(), job.resources(), w2s.gpuScale()));

    assertThat(params.getInt("numSeeds")).isEqualTo(10);
    assertThat(params.getInt("trainSize")).isEqualTo(4000);
    assertThat(params.getInt("testSize")).isEqualTo(2000);
    assertThat(params.getInt("strongSteps")).isEqualTo(400);
    assertThat(params.getString("task")).isEqualTo("toxicity");
    assertThat(params.getInt("numTeachers")).isEqualTo(w2s.spec().param("numTeachers").orElseThrow().defaultValue());
  }

  @Test
  void valuesTheJobGivesWinAndCpuJobsKeepTheCpuDefaults() throws Exception {
    JsonNode given = ContractJson.MAPPER.readTree("{\"numSeeds\":2}");
    Params gpu = Params.validate(w2s.spec(), ComputeScale.params(given,
        new JobInput.Resources(4, 16384, "gpu"), w2s.gpuScale()));
    Params cpu = Params.validate(w2s.spec(), ComputeScale.params(given, JobInput.Resources.DEFAULT,
        w2s.gpuScale()));

    assertThat(gpu.getInt("numSeeds")).isEqualTo(2);
    assertThat(gpu.getInt("trainSize")).isEqualTo(4000);
    assertThat(cpu.asMap()).isEqualTo(Params.validate(w2s.spec(), given).asMap());
    assertThat(given.toString()).isEqualTo("{\"numSeeds\":2}");
  }

  @Test
  void everyLabsGpuScaleIsWithinItsParameterBounds() {
    for (Lab lab : LabRegistry.discover().all()) {
      JsonNode scaled = ComputeScale.params(ContractJson.MAPPER.createObjectNode(),
          new JobInput.Resources(4, 16384, "gpu"), lab.gpuScale());
      Params params = Params.validate(lab.spec(), scaled);
      lab.gpuScale().forEach((name, value) -> assertThat(params.asMap().get(name)).as(lab.spec().id() + "."
          + name).isEqualTo(value));
    }
  }

  @Test
  void aGpuJobWithoutAVisibleGpuFailsAsThePlatformsFault() {
    org.junit.jupiter.api.Assumptions.assumeTrue(ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount() == 0,
        "this machine has a GPU: the no-GPU refusal is checked on CPU machines");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EngineSetup.requireGpuWhenAsked(
        new JobInput.Resources(1, 2048, "gpu")))
        .hasMessageContaining("resources.device is gpu but PyTorch sees no CUDA GPU");
    EngineSetup.requireGpuWhenAsked(JobInput.Resources.DEFAULT);
  }
}
