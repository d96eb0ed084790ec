package org.ethoslab.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.ethoslab.runner.gpu.GpuPolicy;
import org.junit.jupiter.api.Test;

class RunnerOptionsTests {

  @Test
  void flagsWinOverTheEnvironmentAndTheTokenCanComeFromIt() {
    RunnerConfig config = RunnerOptions.parse(new String[] {"--server", "http://app:8080", "--slots=2", "--cpus", "4",
        "--memory-mb", "4096", "--allow-unsandboxed"}, Map.of("ETHOSLAB_RUNNER_TOKEN", "from-env",
        "ETHOSLAB_RUNNER_SLOTS", "3", "ETHOSLAB_RUNNER_LABS_HOME", "/opt/labs"));
    assertThat(config.token()).isEqualTo("from-env");
    assertThat(config.slots()).isEqualTo(2);
    assertThat(config.labsHome()).isEqualTo(Path.of("/opt/labs"));
    assertThat(config.allowUnsandboxed()).isTrue();
    assertThat(config.toString()).doesNotContain("from-env");
  }

  @Test
  void badInputNamesTheFlag() {
    assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--server", "http://a"}, Map.of()))
        .hasMessageContaining("--token");
    assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--token", "t"}, Map.of()))
        .hasMessageContaining("--server");
    assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--server", "http://a", "--token", "t", "--slots",
        "many"}, Map.of())).hasMessageContaining("--slots must be a whole number");
    assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--server", "http://a", "--token", "t", "--slots",
        "4", "--cpus", "2"}, Map.of())).hasMessageContaining("--cpus (2) must be at least --slots (4)");
    assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--server", "ftp://a", "--token", "t"}, Map.of()))
        .hasMessageContaining("--server must be an http(s) URL");
    assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--bogus"}, Map.of()))
        .hasMessageContaining("Unknown flag --bogus");
  }

  @Test
  void gpusDefaultToEveryDetectedOneAndCanBeLimitedOrSwitchedOff() {
    String[] base = {"--server", "http://app:8080", "--token", "t"};
    assertThat(RunnerOptions.parse(base, Map.of()).gpu()).isEqualTo(GpuPolicy.DETECT);
    assertThat(RunnerOptions.parse(base, Map.of("ETHOSLAB_RUNNER_GPUS", "0")).gpu().maxGpus()).isZero();
    RunnerConfig shared = RunnerOptions.parse(new String[] {"--server", "http://a", "--token", "t", "--gpus", "2",
        "--jobs-per-gpu", "3"}, Map.of());
    assertThat(shared.gpu()).isEqualTo(new GpuPolicy(2, 3));
    assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--server", "http://a", "--token", "t", "--gpus",
        "some"}, Map.of())).hasMessageContaining("--gpus must be a whole number");
    assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--server", "http://a", "--token", "t", "--gpus",
        "-2"}, Map.of())).hasMessageContaining("--gpus must be 'all'");
    assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--server", "http://a", "--token", "t",
        "--jobs-per-gpu", "0"}, Map.of())).hasMessageContaining("--jobs-per-gpu must be between 1 and 64");
  }

  @Test
  void envNamesFollowTheFlags() {
    assertThat(RunnerOptions.envName("memory-mb")).isEqualTo("ETHOSLAB_RUNNER_MEMORY_MB");
  }
}
