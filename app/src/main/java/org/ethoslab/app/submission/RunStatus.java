package org.ethoslab.app.submission;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.ethoslab.app.queue.LabJob;
import org.ethoslab.app.queue.LabJobState;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Where a submission's job stands for the run page: its state, how many jobs are ahead of it and the estimated wait
 * (jobs ahead plus one, times the median duration of the lab's last 20 runs, divided among the jobs running now).
 */
@Component
class RunStatus {

  /** Duration assumed for a lab that has never run here. */
  static final Duration UNKNOWN_RUN = Duration.ofSeconds(60);

  private final QueueStats stats;

  RunStatus(QueueStats stats) {
    this.stats = stats;
  }

  /**
   * A snapshot, sent to the page as a {@code status} event.
   *
   * @param unsandboxed true once a runner without a sandbox (isolation NONE) took the job
   */
  record Snapshot(String state, long ahead, long estimatedWaitSeconds, int attempt, boolean unsandboxed) {
  }

  Snapshot of(LabJob job) {
    if (job.getState() != LabJobState.QUEUED) {
      return new Snapshot(job.getState().name(), 0, 0, job.getAttempt(), job.ranWithoutSandbox());
    }
    long ahead = stats.ahead(LabJobState.QUEUED, job.getComputeTier(), job.getPriority(), job.getQueuedAt());
    long running = Math.max(1, stats.active(job.getComputeTier(), List.of(LabJobState.LEASED, LabJobState.RUNNING)));
    Duration typical = medianRun(job.getLab());
    long wait = typical.toSeconds() * (ahead + 1) / running;
    return new Snapshot(job.getState().name(), ahead, wait, job.getAttempt(), job.ranWithoutSandbox());
  }

  private Duration medianRun(String lab) {
    List<Duration> runs = new ArrayList<>();
    for (Object[] row : stats.recentRuns(lab, LabJobState.SUCCEEDED, PageRequest.of(0, 20))) {
      runs.add(Duration.between((Instant) row[0], (Instant) row[1]));
    }
    if (runs.isEmpty()) {
      return UNKNOWN_RUN;
    }
    runs.sort(null);
    return runs.get(runs.size() / 2);
  }
}
