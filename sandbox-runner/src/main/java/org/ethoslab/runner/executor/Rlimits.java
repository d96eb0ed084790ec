package org.ethoslab.runner.executor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ethoslab.runner.sandbox.JobLimits;

/** The {@code prlimit} prefix of a child's command: CPU seconds, no core dumps, file size, open files. */
final class Rlimits {

  private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
  /** Seconds between SIGXCPU (the soft limit, which the verdict reports) and SIGKILL (the hard limit). */
  static final long CPU_GRACE_SECONDS = 5;

  private Rlimits() {
  }

  static boolean available() {
    return Files.isExecutable(PRLIMIT);
  }

  /**
   * @param processes also limit the number of processes of the uid (only meaningful for a per-slot uid: as root or
   *                  as the runner's own user it would count the wrong processes)
   */
  static List<String> prlimitPrefix(JobLimits limits, boolean processes) {
    if (!available()) {
      return List.of();
    }
    String cpu = "--cpu=" + limits.cpuSeconds() + ":" + (limits.cpuSeconds() + CPU_GRACE_SECONDS);
    String fsize = "--fsize=" + limits.fileSizeBytes();
    String nofile = "--nofile=" + limits.openFiles();
    if (processes) {
      return List.of(PRLIMIT.toString(), cpu, "--core=0", fsize, nofile, "--nproc=" + limits.maxProcesses());
    }
    return List.of(PRLIMIT.toString(), cpu, "--core=0", fsize, nofile);
  }
}
