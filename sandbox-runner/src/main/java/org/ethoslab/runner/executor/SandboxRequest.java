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
 */
public record SandboxRequest(String name, Path jobDir, Path privateDir, JobLimits limits, List<Path> readOnlyPaths,
                             int slot) {
  public SandboxRequest {
    readOnlyPaths = List.copyOf(readOnlyPaths);
    if (!name.matches("[A-Za-z0-9._-]{1,80}")) {
      throw new IllegalArgumentException("sandbox name must be 1-80 letters, digits, '.', '_' or '-': " + name);
    }
  }
}
