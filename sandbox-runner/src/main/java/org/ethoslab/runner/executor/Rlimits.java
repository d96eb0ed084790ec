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
   * No RLIMIT_NPROC: it counts every process of the uid — other runners' jobs on the same slot uid, and zombies
   * (bwrap's namespace init can outlive the outer bwrap until the host's init reaps it); the pids cgroup counts the
   * job's own live tasks.
   */
  static List<String> prlimitPrefix(JobLimits limits) {
    if (!available()) {
      return List.of();
    }
    String cpu = "--cpu=" + limits.cpuSeconds() + ":" + (limits.cpuSeconds() + CPU_GRACE_SECONDS);
    String fsize = "--fsize=" + limits.fileSizeBytes();
    String nofile = "--nofile=" + limits.openFiles();
    return List.of(PRLIMIT.toString(), cpu, "--core=0", fsize, nofile);
  }
}
