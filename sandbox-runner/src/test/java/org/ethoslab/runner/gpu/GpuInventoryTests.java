package org.ethoslab.runner.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GPU detection from a recorded {@code nvidia-smi} answer, the time-slicing of GPUs and the natives' settings. */
class GpuInventoryTests {

  @TempDir
  Path dev;

  @Test
  void readsOneGpuPerLineAndReportsTheSmallestMemory() throws IOException {
    GpuInventory gpus = GpuInventory.parse(fixture(), dev);

    assertThat(gpus.count()).isEqualTo(2);
    assertThat(gpus.memoryMbEach()).containsExactly(81559L, 40960L);
    assertThat(gpus.memoryMb()).isEqualTo(40960);
    assertThat(gpus.limitTo(1).memoryMbEach()).containsExactly(81559L);
    assertThat(GpuInventory.parse("\n", dev).count()).isZero();
    assertThat(GpuInventory.none().memoryMb()).isZero();
  }

  @Test
  void refusesOutputItCannotReadNamingTheLine() {
    assertThatThrownBy(() -> GpuInventory.parse("81559\nN/A\n", dev))
        .hasMessageContaining("line 2").hasMessageContaining("'N/A'");
    assertThatThrownBy(() -> GpuInventory.parse("81559 MiB", dev)).hasMessageContaining("line 1");
  }

  @Test
  void aJobGetsItsOwnGpuDeviceAndTheSharedControlDevicesThatExist() throws IOException {
    for (String name : List.of("nvidia0", "nvidia1", "nvidiactl", "nvidia-uvm")) {
      Files.createFile(dev.resolve(name));
    }
    GpuInventory gpus = GpuInventory.parse(fixture(), dev);

    assertThat(gpus.deviceFiles(1)).containsExactly(dev.resolve("nvidia1"), dev.resolve("nvidiactl"),
        dev.resolve("nvidia-uvm"));
    assertThatThrownBy(() -> gpus.deviceFiles(2)).hasMessageContaining("GPU 2 does not exist");
  }

  @Test
  void oneJobPerGpuByDefaultThenNoShareUntilOneIsReleased() throws IOException {
    GpuShares shares = new GpuShares(GpuInventory.parse(fixture(), dev), 1);

    GpuShare first = shares.tryAcquire().orElseThrow();
    GpuShare second = shares.tryAcquire().orElseThrow();
    assertThat(List.of(first.index(), second.index())).containsExactlyInAnyOrder(0, 1);
    assertThat(shares.tryAcquire()).isEmpty();

    shares.release(first);
    assertThat(shares.tryAcquire()).map(GpuShare::index).contains(first.index());
    assertThatThrownBy(() -> GpuShares.none().release(first)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sharedGpusFillEvenlyUpToTheirJobsEach() throws IOException {
    GpuShares shares = new GpuShares(GpuInventory.parse(fixture(), dev), 2);
    for (int i = 0; i < 4; i++) {
      assertThat(shares.tryAcquire()).isPresent();
    }
    assertThat(shares.running(0)).isEqualTo(2);
    assertThat(shares.running(1)).isEqualTo(2);
    assertThat(shares.tryAcquire()).isEmpty();
    assertThat(GpuShares.none().tryAcquire()).isEmpty();
  }

  @Test
  void thePolicyLimitsOrSwitchesOffTheDetectedGpus() throws IOException {
    GpuInventory found = GpuInventory.parse(fixture(), dev);

    assertThat(GpuPolicy.DETECT.shares(() -> found).inventory().count()).isEqualTo(2);
    assertThat(new GpuPolicy(1, 3).shares(() -> found).inventory().count()).isEqualTo(1);
    assertThat(new GpuPolicy(0, 1).shares(() -> {
      throw new AssertionError("GPUs switched off: nvidia-smi must not run");
    }).inventory().count()).isZero();
    assertThatThrownBy(() -> new GpuPolicy(1, 0)).hasMessageContaining("--jobs-per-gpu");
  }

  @Test
  void torchNativesFromAWheelBindItsSitePackages() throws IOException {
    Path lib = Files.createDirectories(dev.resolve("venv/lib/python3.12/site-packages/torch/lib"));
    TorchNatives natives = TorchNatives.fromEnvironment(Map.of("PYTORCH_LIBRARY_PATH", lib.toString(),
        "PYTORCH_VERSION", "2.7.1", "PYTORCH_FLAVOR", "cu128", "HOME", "/root"));

    assertThat(natives.environment()).containsOnlyKeys("PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR");
    assertThat(natives.readOnly()).contains(dev.resolve("venv/lib/python3.12/site-packages"));
    assertThat(TorchNatives.fromEnvironment(Map.of()).readOnly()).isEmpty();
  }

  private static String fixture() throws IOException {
    try (InputStream in = GpuInventoryTests.class.getResourceAsStream("/gpu/nvidia-smi-memory-total.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
