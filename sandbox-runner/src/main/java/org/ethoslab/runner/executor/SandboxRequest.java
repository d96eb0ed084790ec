package org.ethoslab.runner.executor;

import java.nio.file.Path;
import java.util.List;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * What an executor needs to build one job's sandbox.
 *
 * @param name           a file-name-safe id of the job attempt, e.g. {@code job-42-a1}
 * @param jobDir         host directory the child may write (its input file and {@code out/} live there)
 * @param privateDir     host directory for the runner only (status files); never visible to the child
 * @param limits         the job's limits
 * @param readOnlyPaths  host paths the child needs to read (the labs distribution, the DJL cache), bound read-only
 *                       at the same path
 * @param slot           the runner slot (0-based) the job runs in; picks the unprivileged uid
 * @param devices        host device files the child may use (a GPU job's {@code /dev/nvidia*}), bound at the same
 *                       path into the sandbox's otherwise minimal {@code /dev}
 * @param channelDir     a runner-owned directory holding only the job's hook socket, bound writable at
 *                       {@value BubblewrapExecutor#CHANNEL_DIR_INSIDE}; null for none
 */
public record SandboxRequest(String name, Path jobDir, Path privateDir, JobLimits limits, List<Path> readOnlyPaths,
                             int slot, List<Path> devices, Path channelDir) {
  public SandboxRequest {
    readOnlyPaths = List.copyOf(readOnlyPaths);
    devices = List.copyOf(devices);
    for (Path device : devices) {
      // Only GPU devices are ever handed to a job; anything else here is a bug, not a configuration.
      if (!device.isAbsolute() || !device.getFileName().toString().startsWith("nvidia")) {
        throw new IllegalArgumentException("only NVIDIA device files may be bound into a sandbox: " + device);
      }
    }
    if (!name.matches("[A-Za-z0-9._-]{1,80}")) {
      throw new IllegalArgumentException("sandbox name must be 1-80 letters, digits, '.', '_' or '-': " + name);
    }
  }

  /** A job without devices (every CPU job). */
  public SandboxRequest(String name, Path jobDir, Path privateDir, JobLimits limits, List<Path> readOnlyPaths,
                        int slot) {
    this(name, jobDir, privateDir, limits, readOnlyPaths, slot, List.of(), null);
  }
}
