package org.ethoslab.runner.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * The limits a job gets: what its input asks for ({@code resources.cpus}, {@code resources.memoryMb} and the
 * {@code limits} block of {@link JobInput.Limits}), never more than the slot's share and the runner's maximum wall
 * time; a resource the input does not name gets the slot's whole share.
 */
final class LimitsPolicy {

  private LimitsPolicy() {
  }

  static JobLimits resolve(JsonNode input, JobInput job, JobEnvironment env) throws JobFailure {
    JsonNode resources = input.path("resources");
    int cpus = resources.has("cpus") ? Math.min(env.slotCpus(), job.resources().cpus()) : env.slotCpus();
    long memoryMb = resources.has("memoryMb") ? Math.min(env.slotMemoryMb(), job.resources().memoryMb())
        : env.slotMemoryMb();
    JobInput.Limits asked = job.limits();
    long wallSeconds = Math.min(env.maxWall().toSeconds(), orElse(asked.wallSeconds(), env.defaultWall().toSeconds()));
    JobLimits resolved = JobLimits.of(cpus, memoryMb, Duration.ofSeconds(wallSeconds));
    long cpuSeconds = orElse(asked.cpuSeconds(), resolved.cpuSeconds());
    long heapMb = orElse(asked.heapMb(), resolved.heapMb());
    long processes = orElse(asked.maxProcesses(), resolved.maxProcesses());
    long outputBytes = orElse(asked.outputBytes(), resolved.outputBytes());
    if (heapMb > memoryMb) {
      throw new JobFailure(FailureKind.JOB, Outcome.BAD_INPUT, "limits.heapMb (" + heapMb
          + ") is larger than the job's memory (" + memoryMb + " MB)");
    }
    return resolved.withCpuSeconds(Math.min(cpuSeconds, wallSeconds * cpus)).withHeapMb(heapMb)
        .withMaxProcesses((int) Math.min(processes, 4096)).withOutputBytes(Math.min(outputBytes, 64L << 20));
  }

  private static long orElse(Long value, long fallback) {
    return value == null ? fallback : value;
  }
}
