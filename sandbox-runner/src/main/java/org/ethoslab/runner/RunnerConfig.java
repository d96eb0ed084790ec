package org.ethoslab.runner;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ethoslab.runner.gpu.GpuPolicy;
import org.ethoslab.runner.job.LabDistribution;

/**
 * Everything a runner needs, standalone or embedded.
 *
 * @param server            the app's URL (the protocol lives under {@code /api/runner/v1})
 * @param token             the runner token an admin registered (never logged)
 * @param runnerId          a name for this runner in logs and on the fleet page
 * @param slots             jobs at once
 * @param labsHome          directory with {@code labs.jar} and its {@code lib/}
 * @param workDir           the runner's own directory (job directories, the canary's scratch)
 * @param cpus              CPU cores the runner hands to jobs (split between slots)
 * @param memoryMb          memory the runner hands to jobs (split between slots)
 * @param allowUnsandboxed  development flag: run student code even when no sandbox works (isolation NONE)
 * @param executor          {@code auto} (bubblewrap when its canary passes, else process), {@code bubblewrap} or
 *                          {@code process}
 * @param djlCacheDir       the runner-owned, pre-warmed DJL cache bound read-only into the sandbox
 * @param defaultWall       wall time of a job that asks for none
 * @param maxWall           the most wall time a job may ask for
 * @param healthPort        port of the health endpoint on 127.0.0.1, or -1 for none
 * @param labs              lab ids reported to the app; empty = ask the labs CLI ({@code labs.jar list})
 * @param lab               how to start the labs CLI; null = {@code labsHome/labs.jar}
 * @param gpu               which GPUs to use and how many jobs share one
 */
public record RunnerConfig(URI server, String token, String runnerId, int slots, Path labsHome, Path workDir,
                           int cpus, long memoryMb, boolean allowUnsandboxed, String executor,
                           Optional<Path> djlCacheDir, Duration defaultWall, Duration maxWall, int healthPort,
                           List<String> labs, LabDistribution lab, GpuPolicy gpu) {

  /** A configuration that uses every GPU it detects, one job per GPU. */
  public RunnerConfig(URI server, String token, String runnerId, int slots, Path labsHome, Path workDir, int cpus,
                      long memoryMb, boolean allowUnsandboxed, String executor, Optional<Path> djlCacheDir,
                      Duration defaultWall, Duration maxWall, int healthPort, List<String> labs, LabDistribution lab) {
    this(server, token, runnerId, slots, labsHome, workDir, cpus, memoryMb, allowUnsandboxed, executor, djlCacheDir,
        defaultWall, maxWall, healthPort, labs, lab, GpuPolicy.DETECT);
  }

  public RunnerConfig {
    gpu = gpu == null ? GpuPolicy.DETECT : gpu;
    labs = labs == null ? List.of() : List.copyOf(labs);
    djlCacheDir = djlCacheDir == null ? Optional.empty() : djlCacheDir;
    if (server == null || server.getScheme() == null || !server.getScheme().startsWith("http")) {
      throw new IllegalArgumentException("--server must be an http(s) URL, was " + server);
    }
    if (slots < 1 || slots > 64) {
      throw new IllegalArgumentException("--slots must be between 1 and 64, was " + slots);
    }
    if (cpus < slots) {
      throw new IllegalArgumentException("--cpus (" + cpus + ") must be at least --slots (" + slots
          + "): every slot needs a whole core");
    }
    if (memoryMb / slots < 256) {
      throw new IllegalArgumentException("--memory-mb (" + memoryMb + ") leaves less than 256 MB per slot");
    }
    if (!List.of("auto", "bubblewrap", "process").contains(executor)) {
      throw new IllegalArgumentException("--executor must be auto, bubblewrap or process, was " + executor);
    }
  }

  /**
   * The embedded runner's configuration: the machine's cores and half its memory, bubblewrap when it works, jobs of
   * up to 15 minutes, no health port (the app reports {@link EmbeddedRunner#status()} itself).
   */
  public static RunnerConfig embedded(URI server, String token, int slots, Path labsHome, Path workDir,
                                      boolean allowUnsandboxed) {
    int cpus = Math.max(slots, Runtime.getRuntime().availableProcessors());
    return new RunnerConfig(server, token, "embedded", slots, labsHome, workDir, cpus,
        Math.max(256L * slots, physicalMemoryMb() / 2), allowUnsandboxed, "auto", Optional.empty(),
        Duration.ofMinutes(15), Duration.ofHours(2), -1, List.of(), null);
  }

  /** The same configuration with the labs CLI started another way (the runner's own tests use fixture programs). */
  public RunnerConfig withLab(LabDistribution distribution) {
    return new RunnerConfig(server, token, runnerId, slots, labsHome, workDir, cpus, memoryMb, allowUnsandboxed,
        executor, djlCacheDir, defaultWall, maxWall, healthPort, labs, distribution, gpu);
  }

  /** How the labs CLI is started. */
  public LabDistribution labDistribution() {
    return lab != null ? lab : LabDistribution.fromLabsHome(labsHome);
  }

  /** Memory of this machine in MB (what the OS reports; 4096 if it cannot be read). */
  static long physicalMemoryMb() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      return os.getTotalMemorySize() >> 20;
    }
    return 4096;
  }

  @Override
  public String toString() {
    // The token stays out of logs.
    return "RunnerConfig[server=" + server + ", runnerId=" + runnerId + ", slots=" + slots + ", labsHome=" + labsHome
        + ", workDir=" + workDir + ", cpus=" + cpus + ", memoryMb=" + memoryMb + ", allowUnsandboxed="
        + allowUnsandboxed + ", executor=" + executor + ", djlCacheDir=" + djlCacheDir.orElse(null) + ", gpu=" + gpu
        + "]";
  }
}
