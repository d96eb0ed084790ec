package org.ethoslab.runner.loop;

import java.time.Instant;
import java.util.List;

/**
 * What the runner is doing, for the health endpoint and the app's health indicator.
 *
 * @param isolation        FULL, NAMESPACES_ONLY or NONE
 * @param isolationDetail  how it was detected, in plain words
 * @param studentCode      whether jobs with student code are accepted (false at NONE without the development flag)
 * @param slots            jobs at once
 * @param runningJobs      ids of the jobs running now
 * @param finishedJobs     jobs finished since start
 * @param lastError        the last error talking to the app, or null
 * @param startedAt        when the runner started
 */
public record RunnerStatus(String isolation, String isolationDetail, boolean studentCode, int slots,
                           List<Long> runningJobs, long finishedJobs, String lastError, Instant startedAt) {
  public RunnerStatus {
    runningJobs = List.copyOf(runningJobs);
  }
}
