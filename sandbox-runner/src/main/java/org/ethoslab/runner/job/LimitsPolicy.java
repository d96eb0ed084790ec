package org.ethoslab.runner.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.ethoslab.runner.protocol.Outcome;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * The limits a job gets: what its input asks for ({@code resources.cpus}, {@code resources.memoryMb},
 * {@code limits.wallSeconds}, {@code limits.cpuSeconds}, {@code limits.heapMb}, {@code limits.maxProcesses},
 * {@code limits.outputBytes}), never more than the slot's share and the runner's maximum wall time.
 */
final class LimitsPolicy {

  private LimitsPolicy() {
  }

  static JobLimits resolve(JsonNode input, JobEnvironment env) throws JobFailure {
    JsonNode resources = input.path("resources");
    JsonNode limits = input.path("limits");
    int cpus = (int) Math.min(env.slotCpus(), number(resources, "resources.cpus", "cpus", env.slotCpus(), 1));
    long memoryMb = Math.min(env.slotMemoryMb(), number(resources, "resources.memoryMb", "memoryMb", env.slotMemoryMb(), 64));
    long wallSeconds = Math.min(env.maxWall().toSeconds(),
        number(limits, "limits.wallSeconds", "wallSeconds", env.defaultWall().toSeconds(), 1));
    JobLimits resolved = JobLimits.of(cpus, memoryMb, Duration.ofSeconds(wallSeconds));
    long cpuSeconds = number(limits, "limits.cpuSeconds", "cpuSeconds", resolved.cpuSeconds(), 1);
    long heapMb = number(limits, "limits.heapMb", "heapMb", resolved.heapMb(), 16);
    long processes = number(limits, "limits.maxProcesses", "maxProcesses", resolved.maxProcesses(), 16);
    long outputBytes = number(limits, "limits.outputBytes", "outputBytes", resolved.outputBytes(), 1024);
    if (heapMb > memoryMb) {
      throw badInput("limits.heapMb (" + heapMb + ") is larger than the job's memory (" + memoryMb + " MB)");
    }
    return resolved.withCpuSeconds(Math.min(cpuSeconds, wallSeconds * cpus)).withHeapMb(heapMb)
        .withMaxProcesses((int) Math.min(processes, 4096)).withOutputBytes(Math.min(outputBytes, 64L << 20));
  }

  private static long number(JsonNode parent, String path, String field, long fallback, long min) throws JobFailure {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw badInput("input field " + path + " must be a whole number, was " + value);
    }
    if (value.asLong() < min) {
      throw badInput("input field " + path + " must be at least " + min + ", was " + value.asLong());
    }
    return value.asLong();
  }

  private static JobFailure badInput(String message) {
    return new JobFailure(FailureKind.JOB, Outcome.BAD_INPUT, message);
  }
}
