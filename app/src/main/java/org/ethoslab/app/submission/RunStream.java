package org.ethoslab.app.submission;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;

import org.ethoslab.app.queue.JobEventLog;
import org.ethoslab.app.queue.JobEventLog.StoredEvent;
import org.ethoslab.app.queue.LabJob;
import org.ethoslab.app.queue.LabJobService;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams one job's progress to the run page as server-sent events: {@code status} (state, jobs ahead, estimated
 * wait) whenever it changes, each stored job event with id {@code attempt.seq} — the runner's and the lab's under
 * their own type ({@code phase}, {@code progress}, {@code log}, {@code metric}, {@code error}), what student code
 * printed as {@code student} (see {@link EventChannels}) — and {@code done} when the job has ended. A reconnecting
 * browser sends the last id it saw (Last-Event-ID) and gets only what came after; a new attempt starts from its first
 * event. The stored event log is polled, so any app instance can serve any stream.
 */
@Component
class RunStream {

  static final Duration POLL = Duration.ofMillis(400);
  static final Duration MAX_STREAM = Duration.ofMinutes(30);

  private final LabJobService jobs;
  private final JobEventLog events;
  private final RunStatus status;
  private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "run-stream");
    t.setDaemon(true);
    return t;
  });

  RunStream(LabJobService jobs, JobEventLog events, RunStatus status) {
    this.jobs = jobs;
    this.events = events;
    this.status = status;
  }

  SseEmitter open(long jobId, String lastEventId, String doneUrl) {
    SseEmitter emitter = new SseEmitter(MAX_STREAM.toMillis());
    Cursor cursor = Cursor.parse(lastEventId);
    AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
    Runnable stop = () -> {
      ScheduledFuture<?> f = task.get();
      if (f != null) {
        f.cancel(false);
      }
    };
    emitter.onCompletion(stop);
    emitter.onTimeout(stop);
    emitter.onError(e -> stop.run());
    task.set(poller.scheduleWithFixedDelay(() -> {
      try {
        if (push(emitter, jobId, cursor, doneUrl)) {
          stop.run();
          emitter.complete();
        }
      }
      catch (IOException | RuntimeException e) {
        stop.run();
        emitter.completeWithError(e);
      }
    }, 0, POLL.toMillis(), TimeUnit.MILLISECONDS));
    return emitter;
  }

  /** Sends what is new; true once the job has ended and everything was sent. */
  private boolean push(SseEmitter emitter, long jobId, Cursor cursor, String doneUrl) throws IOException {
    LabJob job = jobs.find(jobId);
    RunStatus.Snapshot snapshot = status.of(job);
    if (!Objects.equals(snapshot, cursor.lastStatus)) {
      emitter.send(SseEmitter.event().name("status").data(snapshot, MediaType.APPLICATION_JSON));
      cursor.lastStatus = snapshot;
    }
    if (job.getAttempt() != cursor.attempt) {
      cursor.attempt = job.getAttempt();
      cursor.seq = 0;
    }
    List<StoredEvent> batch = events.after(jobId, cursor.attempt, cursor.seq);
    for (StoredEvent e : batch) {
      emitter.send(SseEmitter.event().id(cursor.attempt + "." + e.seq())
          .name(EventChannels.streamName(e.type(), e.data())).data(e.data(), MediaType.APPLICATION_JSON));
      cursor.seq = e.seq();
    }
    if (job.getState().terminal()) {
      emitter.send(SseEmitter.event().name("done").data("{\"url\":\"" + doneUrl + "\"}", MediaType.APPLICATION_JSON));
      return true;
    }
    return false;
  }

  @PreDestroy
  void shutdown() {
    poller.shutdownNow();
  }

  /** The attempt and sequence number the browser has seen. */
  private static final class Cursor {
    int attempt;
    long seq;
    RunStatus.Snapshot lastStatus;

    static Cursor parse(String lastEventId) {
      Cursor c = new Cursor();
      c.attempt = 1;
      if (lastEventId != null && lastEventId.matches("\\d{1,6}\\.\\d{1,12}")) {
        int dot = lastEventId.indexOf('.');
        c.attempt = Integer.parseInt(lastEventId.substring(0, dot));
        c.seq = Long.parseLong(lastEventId.substring(dot + 1));
      }
      return c;
    }
  }
}
