package org.ethoslab.runner.sandbox;

import java.time.Duration;

/**
 * The limits one job runs under. Each names a resource a student can be told about in plain words.
 *
 * @param cpus               CPU cores of the job's share: cgroup CPU quota, {@code -XX:ActiveProcessorCount} and pinned
 *                           DJL/OpenMP thread counts
 * @param memoryMb           memory of the whole sandbox (cgroup limit, swap included)
 * @param heapMb             the child JVM's {@code -Xmx}; the rest of {@code memoryMb} is left to native memory
 * @param wallTime           wall-clock limit of the untrusted run, enforced by the runner's own timer
 * @param cpuSeconds         CPU seconds of the untrusted run (RLIMIT_CPU; SIGXCPU at the limit, SIGKILL 5 s later)
 * @param maxProcesses       processes and threads of the sandbox (cgroup {@code pids.max})
 * @param outputBytes        stdout plus stderr the run may print
 * @param fileSizeBytes      largest file the run may write (RLIMIT_FSIZE)
 * @param openFiles          open file descriptors (RLIMIT_NOFILE)
 * @param tmpMb              size of the sandbox's private {@code /tmp}
 * @param jobDirMb           size of the writable job directory where it can be size-limited (tmpfs as root)
 * @param artifactBytes      largest single artifact copied out of the sandbox and uploaded
 * @param artifactTotalBytes all artifacts of one job together
 */
public record JobLimits(int cpus, long memoryMb, long heapMb, Duration wallTime, long cpuSeconds, int maxProcesses,
                        long outputBytes, long fileSizeBytes, int openFiles, long tmpMb, long jobDirMb,
                        long artifactBytes, long artifactTotalBytes) {

  public JobLimits {
    if (cpus < 1) {
      throw new IllegalArgumentException("cpus must be at least 1, was " + cpus);
    }
    if (memoryMb < 64) {
      throw new IllegalArgumentException("memoryMb must be at least 64, was " + memoryMb);
    }
    if (heapMb < 16 || heapMb > memoryMb) {
      throw new IllegalArgumentException("heapMb must be between 16 and memoryMb (" + memoryMb + "), was " + heapMb);
    }
    if (wallTime == null || wallTime.isNegative() || wallTime.isZero()) {
      throw new IllegalArgumentException("wallTime must be positive, was " + wallTime);
    }
    if (cpuSeconds < 1 || maxProcesses < 16 || outputBytes < 1024 || fileSizeBytes < 1024 || openFiles < 64) {
      throw new IllegalArgumentException("cpuSeconds >= 1, maxProcesses >= 16, outputBytes >= 1024, "
          + "fileSizeBytes >= 1024 and openFiles >= 64 are required: " + this);
    }
  }

  /**
   * Limits for a job with the given CPU share, memory and wall time; the rest derived: heap about 60 % of memory
   * (DJL's native tensors live outside the heap), CPU seconds = wall seconds x cpus, 512 processes, and artifacts as
   * the labs write them: at most 20 MB each and 24 MB together (the labs CLI refuses a run that leaves more than
   * 20 MB).
   */
  public static JobLimits of(int cpus, long memoryMb, Duration wallTime) {
    long heap = Math.max(16, memoryMb * 6 / 10);
    return new JobLimits(cpus, memoryMb, heap, wallTime, Math.max(1, wallTime.toSeconds() * cpus), 512,
        16L << 20, 256L << 20, 1024, 256, 1024, 20L << 20, 24L << 20);
  }

  public JobLimits withHeapMb(long heap) {
    return new JobLimits(cpus, memoryMb, heap, wallTime, cpuSeconds, maxProcesses, outputBytes, fileSizeBytes,
        openFiles, tmpMb, jobDirMb, artifactBytes, artifactTotalBytes);
  }

  public JobLimits withCpuSeconds(long seconds) {
    return new JobLimits(cpus, memoryMb, heapMb, wallTime, seconds, maxProcesses, outputBytes, fileSizeBytes,
        openFiles, tmpMb, jobDirMb, artifactBytes, artifactTotalBytes);
  }

  public JobLimits withMaxProcesses(int processes) {
    return new JobLimits(cpus, memoryMb, heapMb, wallTime, cpuSeconds, processes, outputBytes, fileSizeBytes,
        openFiles, tmpMb, jobDirMb, artifactBytes, artifactTotalBytes);
  }

  public JobLimits withOutputBytes(long bytes) {
    return new JobLimits(cpus, memoryMb, heapMb, wallTime, cpuSeconds, maxProcesses, bytes, fileSizeBytes,
        openFiles, tmpMb, jobDirMb, artifactBytes, artifactTotalBytes);
  }
}
