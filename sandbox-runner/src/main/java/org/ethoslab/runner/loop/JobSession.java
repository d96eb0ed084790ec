package org.ethoslab.runner.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.ethoslab.contract.runner.ClaimResponse;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.HeartbeatResponse;
import org.ethoslab.runner.client.RunnerApiClient;
import org.ethoslab.runner.client.RunnerApiException;
import org.ethoslab.runner.executor.StopSignal;
import org.ethoslab.runner.gpu.GpuShare;
import org.ethoslab.runner.job.EventStream;
import org.ethoslab.runner.job.JobLifecycle;
import org.ethoslab.runner.job.Verdict;

/**
 * One leased job on the wire: heartbeats well inside the lease (the reply may cancel the job or say the lease is
 * lost), events flushed every half second, the lifecycle in between, then {@code complete} retried until the app
 * acknowledges it. A lost lease means another runner may already have the job: no complete then.
 */
final class JobSession {

  private static final Logger LOG = Logger.getLogger(JobSession.class.getName());
  private static final long MAX_EVENTS = 20_000;
  private static final Duration COMPLETE_GIVE_UP = Duration.ofHours(1);

  private final RunnerApiClient client;
  private final ScheduledExecutorService timers;
  private final String runnerId;

  JobSession(RunnerApiClient client, ScheduledExecutorService timers, String runnerId) {
    this.client = client;
    this.timers = timers;
    this.runnerId = runnerId;
  }

  /**
   * Runs a claimed job to its end, on the GPU share the slot reserved for it (empty for CPU work); returns the verdict
   * it completed with (null when the lease was lost).
   */
  Verdict run(ClaimResponse claim, int slot, Optional<GpuShare> gpu, JobLifecycle lifecycle, StopSignal stop,
              ObjectMapper json) throws InterruptedException {
    EventStream events = new EventStream(json, batch -> {
      try {
        return client.sendEvents(claim.jobId(), batch);
      } catch (RunnerApiException e) {
        if (e.status() == 409 || e.status() == 404) {
          stop.stop(StopSignal.Reason.LEASE_LOST);
        }
        throw new IOException(e.getMessage(), e);
      }
    }, MAX_EVENTS);
    long heartbeatSeconds = Math.max(1, claim.leaseSeconds() / 3);
    ScheduledFuture<?> heartbeat = timers.scheduleWithFixedDelay(() -> heartbeat(claim, stop), heartbeatSeconds,
        heartbeatSeconds, TimeUnit.SECONDS);
    ScheduledFuture<?> flusher = timers.scheduleWithFixedDelay(() -> flushQuietly(events), 500, 500,
        TimeUnit.MILLISECONDS);
    Verdict verdict;
    try {
      verdict = lifecycle.execute(claim, slot, gpu, stop, events, (name, file) -> {
        try {
          return client.uploadArtifact(claim.jobId(), name, file);
        } catch (RunnerApiException e) {
          throw new IOException(e.getMessage(), e);
        }
      });
    } finally {
      heartbeat.cancel(false);
      flusher.cancel(false);
    }
    if (stop.reason() == StopSignal.Reason.LEASE_LOST) {
      LOG.warning("Job " + claim.jobId() + ": lease lost; not completing (the app re-queued it)");
      return null;
    }
    events.flush();
    if (events.dropped() > 0) {
      LOG.info("Job " + claim.jobId() + ": " + events.dropped() + " events over the limit were not forwarded");
    }
    CompleteRequest complete = new CompleteRequest(verdict.outcome(), verdict.message(), verdict.evaluation(),
        events.lastSeq());
    try {
      client.complete(claim.jobId(), complete, Instant.now().plus(COMPLETE_GIVE_UP));
      LOG.info("Job " + claim.jobId() + " completed: " + verdict.outcome() + " - " + verdict.message());
    } catch (RunnerApiException e) {
      LOG.warning("Job " + claim.jobId() + ": the app refused complete (" + e.getMessage() + ")");
    } catch (IOException e) {
      LOG.severe("Job " + claim.jobId() + ": complete not acknowledged within " + COMPLETE_GIVE_UP.toMinutes()
          + " min; the lease will expire and the job run again: " + e.getMessage());
    }
    return verdict;
  }

  private void heartbeat(ClaimResponse claim, StopSignal stop) {
    try {
      HeartbeatResponse reply = client.heartbeat(claim.jobId(), runnerId);
      if (reply.leaseLost()) {
        stop.stop(StopSignal.Reason.LEASE_LOST);
      } else if (reply.cancel()) {
        stop.stop(StopSignal.Reason.CANCELLED);
      }
    } catch (RunnerApiException e) {
      if (e.status() == 409 || e.status() == 404) {
        stop.stop(StopSignal.Reason.LEASE_LOST);
      }
      LOG.warning("Job " + claim.jobId() + ": heartbeat refused: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.warning("Job " + claim.jobId() + ": heartbeat failed (will retry): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void flushQuietly(EventStream events) {
    try {
      events.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warning("Event flush failed: " + e.getMessage());
    }
  }
}
