package org.ethoslab.runner.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The NVIDIA GPUs of this node: how many, the memory of the smallest (what a job can count on), and the device files
 * a job on GPU {@code i} needs inside its sandbox ({@code /dev/nvidia<i>} plus the shared control devices).
 *
 * @param memoryMbEach  memory of each GPU, in the order {@code nvidia-smi} lists them (index = CUDA device number)
 * @param devDir        where the device files live ({@code /dev}; tests point it elsewhere)
 */
public record GpuInventory(List<Long> memoryMbEach, Path devDir) {

  private static final Logger LOG = Logger.getLogger(GpuInventory.class.getName());
  /** The query the runner runs; one line per GPU with its total memory in MiB. */
  static final List<String> QUERY = List.of("--query-gpu=memory.total", "--format=csv,noheader,nounits");
  /** Devices every CUDA process opens besides its own GPU's. */
  private static final List<String> SHARED_DEVICES = List.of("nvidiactl", "nvidia-uvm", "nvidia-uvm-tools",
      "nvidia-modeset");

  public GpuInventory {
    memoryMbEach = List.copyOf(memoryMbEach);
  }

  /** A node without GPUs. */
  public static GpuInventory none() {
    return new GpuInventory(List.of(), Path.of("/dev"));
  }

  public int count() {
    return memoryMbEach.size();
  }

  /** Memory of the smallest GPU (0 without GPUs): what the runner reports as memory per GPU. */
  public long memoryMb() {
    return memoryMbEach.stream().mapToLong(Long::longValue).min().orElse(0);
  }

  /** The first {@code limit} GPUs (an operator leaving some GPUs to other work). */
  public GpuInventory limitTo(int limit) {
    return limit >= count() ? this : new GpuInventory(memoryMbEach.subList(0, Math.max(0, limit)), devDir);
  }

  /** Device files a job on GPU {@code index} needs, those that exist on this node. */
  public List<Path> deviceFiles(int index) {
    if (index < 0 || index >= count()) {
      throw new IllegalArgumentException("GPU " + index + " does not exist on this node (" + count() + " GPUs)");
    }
    List<Path> files = new ArrayList<>();
    files.add(devDir.resolve("nvidia" + index));
    SHARED_DEVICES.forEach(name -> files.add(devDir.resolve(name)));
    return files.stream().filter(Files::exists).toList();
  }

  /**
   * Reads {@code nvidia-smi --query-gpu=memory.total --format=csv,noheader,nounits}: one whole number (MiB) per line.
   * Blank lines are ignored; anything else is refused with the line named, so a changed output format is noticed.
   */
  public static GpuInventory parse(String output, Path devDir) {
    List<Long> memory = new ArrayList<>();
    String[] lines = output.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        long mb = Long.parseLong(line);
        if (mb <= 0) {
          throw new NumberFormatException();
        }
        memory.add(mb);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("nvidia-smi output line " + (i + 1) + ": expected the GPU's total memory "
            + "in MiB, got '" + line + "'");
      }
    }
    return new GpuInventory(memory, devDir);
  }

  /**
   * Asks {@code nvidia-smi} (on the PATH, or {@code /usr/bin/nvidia-smi}). No such program, a failing one or output
   * that cannot be read means no GPUs, logged with the reason: a CPU node is the normal case, not an error.
   */
  public static GpuInventory detect() {
    Path smi = findNvidiaSmi();
    if (smi == null) {
      return none();
    }
    List<String> argv = new ArrayList<>();
    argv.add(smi.toString());
    argv.addAll(QUERY);
    try {
      Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] bytes = process.getInputStream().readNBytes(64 * 1024);
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        LOG.warning("nvidia-smi did not answer within 20 s; running without GPUs");
        return none();
      }
      String output = new String(bytes, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        LOG.warning("nvidia-smi exited with " + process.exitValue() + " (" + output.strip()
            + "); running without GPUs");
        return none();
      }
      return parse(output, Path.of("/dev"));
    } catch (IOException | IllegalArgumentException e) {
      LOG.warning("Could not read the GPUs (" + e.getMessage() + "); running without GPUs");
      return none();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return none();
    }
  }

  private static Path findNvidiaSmi() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : (path + ":/usr/bin").split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "nvidia-smi");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
