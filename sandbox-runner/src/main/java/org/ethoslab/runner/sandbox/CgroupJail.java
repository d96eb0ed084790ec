package org.ethoslab.runner.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * The cgroups of one job: memory (swap included), process count and CPU quota, plus the counters the verdict needs
 * (OOM kills, CPU time). The sandboxed process joins them before it drops privileges; closing the jail kills
 * every process still inside and removes the groups.
 */
public final class CgroupJail implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CgroupJail.class.getName());
  private static final long CPU_PERIOD_US = 100_000;

  private final boolean unified;
  private final Map<String, Path> dirs;

  CgroupJail(boolean unified, Map<String, Path> dirs) {
    this.unified = unified;
    this.dirs = Map.copyOf(dirs);
  }

  void applyLimits(JobLimits limits) throws IOException {
    long memoryBytes = limits.memoryMb() << 20;
    long quota = limits.cpus() * CPU_PERIOD_US;
    if (unified) {
      Path dir = dirs.get("unified");
      write(dir.resolve("memory.max"), Long.toString(memoryBytes));
      writeIfPresent(dir.resolve("memory.swap.max"), "0");
      write(dir.resolve("pids.max"), Integer.toString(limits.maxProcesses()));
      writeIfPresent(dir.resolve("cpu.max"), quota + " " + CPU_PERIOD_US);
      return;
    }
    Path memory = dirs.get("memory");
    write(memory.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
    // memsw (memory + swap) must be set after the plain limit; absent when the kernel has no swap accounting.
    writeIfPresent(memory.resolve("memory.memsw.limit_in_bytes"), Long.toString(memoryBytes));
    writeIfPresent(memory.resolve("memory.swappiness"), "0");
    write(dirs.get("pids").resolve("pids.max"), Integer.toString(limits.maxProcesses()));
    Path cpu = dirs.get("cpu");
    if (cpu != null) {
      write(cpu.resolve("cpu.cfs_period_us"), Long.toString(CPU_PERIOD_US));
      write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(quota));
    }
  }

  /** The {@code cgroup.procs} files a process writes its pid into to join every group of this job. */
  public List<Path> procsFiles() {
    return dirs.values().stream().map(dir -> dir.resolve("cgroup.procs")).toList();
  }

  /** True when the kernel OOM-killed a process of this job (the memory limit, not the JVM heap). */
  public boolean oomKilled() {
    Path file = unified ? dirs.get("unified").resolve("memory.events")
        : dirs.get("memory").resolve("memory.oom_control");
    return counter(file, "oom_kill").orElse(0) > 0;
  }

  /** True when the job tried to start more processes or threads than {@code pids.max} allowed. */
  public boolean pidsLimitHit() {
    Path dir = unified ? dirs.get("unified") : dirs.get("pids");
    return counter(dir.resolve("pids.events"), "max").orElse(0) > 0;
  }

  /** CPU time used by the job so far in microseconds, where a CPU accounting controller is mounted. */
  public OptionalLong cpuMicros() {
    if (unified) {
      return counter(dirs.get("unified").resolve("cpu.stat"), "usage_usec");
    }
    Path acct = dirs.get("cpuacct");
    if (acct == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(acct.resolve("cpuacct.usage")).trim()) / 1000);
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Kills every process in the job's groups until they stay empty (a fork bomb can race one sweep). */
  public void killAll() {
    Path kill = unified ? dirs.get("unified").resolve("cgroup.kill") : null;
    if (kill != null && Files.exists(kill)) {
      writeQuietly(kill, "1");
    }
    for (int round = 0; round < 100; round++) {
      List<Long> pids = pids();
      if (pids.isEmpty()) {
        return;
      }
      pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      sleep(round < 10 ? 5 : 50);
    }
    LOG.warning("Processes survived the cgroup sweep of " + dirs.values() + ": " + pids());
  }

  private List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    for (Path procs : procsFiles()) {
      try {
        for (String line : Files.readAllLines(procs)) {
          if (!line.isBlank()) {
            pids.add(Long.parseLong(line.trim()));
          }
        }
      } catch (IOException | NumberFormatException e) {
        LOG.fine("Reading " + procs + ": " + e.getMessage());
      }
    }
    return pids;
  }

  /** Kills what is left and removes the groups. */
  @Override
  public void close() {
    killAll();
    for (Path dir : dirs.values()) {
      for (int attempt = 0; attempt < 50; attempt++) {
        try {
          Files.deleteIfExists(dir);
          break;
        } catch (IOException e) {
          // EBUSY while the kernel is still reaping the last killed task.
          sleep(20);
        }
      }
    }
  }

  private static OptionalLong counter(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length == 2 && parts[0].equals(key)) {
          return OptionalLong.of(Long.parseLong(parts[1]));
        }
      }
    } catch (IOException | NumberFormatException e) {
      LOG.fine("Reading " + file + ": " + e.getMessage());
    }
    return OptionalLong.empty();
  }

  private static void write(Path file, String value) throws IOException {
    Files.writeString(file, value);
  }

  private static void writeIfPresent(Path file, String value) {
    if (Files.exists(file)) {
      writeQuietly(file, value);
    }
  }

  private static void writeQuietly(Path file, String value) {
    try {
      Files.writeString(file, value);
    } catch (IOException e) {
      LOG.fine("Writing " + file + ": " + e.getMessage());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
