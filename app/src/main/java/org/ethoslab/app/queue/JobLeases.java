package org.ethoslab.app.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ethoslab.app.queue.JobClaimer.ClaimScope;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.HeartbeatResponse;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.contract.runner.RunnerCapabilities;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The runner's side of a job's life: claim (long-poll), heartbeat, complete, and the return of a job whose runner
 * failed. Every call on one job locks its row first, so a completion and the reaper cannot both act on it.
 */
@Service
public class JobLeases {

  /** Longest verdict message kept; longer ones are cut, never refused (a refused completion would be retried forever). */
  static final int MAX_MESSAGE_CHARS = 2000;

  private final JobClaimer claimer;
  private final LabJobRepository jobs;
  private final QueueSignal signal;
  private final QueueProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  JobLeases(JobClaimer claimer, LabJobRepository jobs, QueueSignal signal, QueueProperties properties,
            ApplicationEventPublisher events, ObjectProvider<Clock> clocks) {
    this.claimer = claimer;
    this.jobs = jobs;
    this.signal = signal;
    this.properties = properties;
    this.events = events;
    this.clock = clocks.getIfUnique(Clock::systemUTC);
  }

  /**
   * Leases the next fitting job to the runner, waiting up to {@code wait} for one to be queued.
   *
   * @param mayRunStudentCode false when the runner has no isolation and is not the local development runner
   * @return the leased job, or empty when none came within the wait
   */
  public Optional<LabJob> claim(long runnerId, RunnerCapabilities capabilities, boolean mayRunStudentCode,
                                Duration wait) throws InterruptedException {
    ClaimScope scope = new ClaimScope(runnerId, capabilities.gpus() > 0, capabilities.labs(), mayRunStudentCode,
        capabilities.isolation());
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      long seen = signal.generation();
      Optional<LabJob> job = claimer.claimOne(scope);
      long left = deadline - System.nanoTime();
      if (job.isPresent() || left <= 0) {
        return job;
      }
      signal.awaitChange(seen, Duration.ofNanos(Math.min(left, QueueSignal.RECHECK.toNanos())));
    }
  }

  /** Extends the lease; the reply carries a pending cancel, or says the lease is gone (stop without completing). */
  @Transactional
  public HeartbeatResponse heartbeat(long jobId, long runnerId) {
    LabJob job = lock(jobId);
    if (!job.isHeldBy(runnerId)) {
      return new HeartbeatResponse(false, 0, true);
    }
    job.extendLease(runnerId, clock.instant(), properties.lease());
    return new HeartbeatResponse(job.isCancelRequested(), (int) properties.lease().toSeconds(), false);
  }

  /**
   * Records the runner's verdict. The same body again from the same runner is a no-op ({@link Completion#REPEATED});
   * a different body after the job ended, or a call from a runner without the lease, is a {@link JobConflictException}.
   * An infrastructure error returns the job to the queue (or ends it after the last try) and costs no attempt.
   */
  @Transactional
  public Completion complete(long jobId, long runnerId, CompleteRequest request) {
    if (request.outcome() == null) {
      throw new IllegalArgumentException("outcome: required, one of " + List.of(Outcome.values()));
    }
    if (request.outcome() == Outcome.SUCCEEDED && (request.evaluation() == null || !request.evaluation().isObject())) {
      throw new IllegalArgumentException("evaluation: a JSON object is required when outcome is SUCCEEDED");
    }
    String message = trim(request.message());
    String evaluation = request.evaluation() == null || request.evaluation().isNull()
        ? null : write(request.evaluation());
    LabJob job = lock(jobId);
    if (job.getState().terminal()) {
      if (Objects.equals(job.getCompletedBy(), runnerId) && sameResult(job, request.outcome(), message,
          request.evaluation(), request.lastSeq())) {
        return Completion.REPEATED;
      }
      throw new JobConflictException("job " + jobId + " already ended as " + job.getOutcome()
          + "; a different completion is refused");
    }
    if (!job.isHeldBy(runnerId)) {
      throw new JobConflictException("runner " + runnerId + " does not hold the lease of job " + jobId
          + " (state " + job.getState() + ")");
    }
    if (request.outcome() == Outcome.INFRASTRUCTURE_ERROR) {
      returnToQueue(job, "The runner reported an infrastructure error: " + (message == null ? "no details" : message));
      return Completion.REQUEUED;
    }
    job.complete(runnerId, request.outcome(), message, evaluation, request.lastSeq(), clock.instant());
    events.publishEvent(new LabJobFinished(jobId, request.outcome(), request.outcome().studentCaused()));
    return Completion.RECORDED;
  }

  /** Returns jobs whose lease ran out to the queue; returns how many it handled. Runs in the reaper's transaction. */
  @Transactional
  public int reapExpiredLeases(int limit) {
    List<Long> expired = claimer.lockExpiredLeases(limit);
    for (Long id : expired) {
      LabJob job = jobs.findById(id).orElseThrow(() -> new JobNotFoundException(id));
      returnToQueue(job, "The runner stopped answering (lease expired)");
    }
    return expired.size();
  }

  private void returnToQueue(LabJob job, String reason) {
    boolean ended = job.requeue(clock.instant(), properties.maxInfrastructureAttempts(), trim(reason));
    if (ended) {
      events.publishEvent(new LabJobFinished(job.getId(), Outcome.INFRASTRUCTURE_ERROR, false));
    } else {
      signal.jobBecameClaimable();
    }
  }

  private boolean sameResult(LabJob job, Outcome outcome, String message, JsonNode evaluation, long lastSeq) {
    JsonNode stored = null;
    try {
      stored = job.getEvaluation() == null ? null : json.readTree(job.getEvaluation());
    } catch (JsonProcessingException e) {
      return false;
    }
    JsonNode given = evaluation == null || evaluation.isNull() ? null : evaluation;
    return job.getOutcome() == outcome && Objects.equals(job.getMessage(), message)
        && Objects.equals(stored, given) && Objects.equals(job.getLastSeq(), lastSeq);
  }

  private LabJob lock(long jobId) {
    return jobs.findForUpdate(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("evaluation: cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String trim(String message) {
    if (message == null || message.length() <= MAX_MESSAGE_CHARS) {
      return message;
    }
    return message.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
  }

  /** What a completion call did. */
  public enum Completion {
    /** The verdict was recorded and the job ended. */
    RECORDED,
    /** The same verdict was already recorded; nothing changed. */
    REPEATED,
    /** An infrastructure error: the job went back to the queue or ended without costing an attempt. */
    REQUEUED
  }
}
