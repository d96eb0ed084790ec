package org.ethoslab.app.runnerapi.web;

import java.time.Instant;
import java.util.List;

/**
 * One line of the fleet page (public so the template's expressions can call {@link #reported()}).
 *
 * @param runningJobs jobs the runner holds a lease on right now
 */
public record RunnerRow(long id, String name, boolean internal, boolean revoked, Instant createdAt, Instant lastSeenAt,
                 String isolation, boolean unsandboxedAllowed, int cpus, long memoryMb, int gpus, long gpuMemoryMb,
                 int slots, List<String> labs, String version, long runningJobs) {

  /** True when the runner reported capabilities at least once (it claimed). */
  public boolean reported() {
    return lastSeenAt != null && isolation != null;
  }
}
