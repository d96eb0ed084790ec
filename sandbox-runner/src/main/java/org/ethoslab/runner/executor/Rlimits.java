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
   * No RLIMIT_NPROC: it counts every process of the uid, zombies included (where init does not reap them, as on
   * some container hosts, they pile up across jobs); the pids cgroup counts the job's own live tasks.
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
