package org.ethoslab.runner.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.contract.runner.ClaimRequest;
import org.ethoslab.contract.runner.ClaimResponse;
import org.ethoslab.contract.runner.RunnerCapabilities;
import org.ethoslab.runner.client.RetryPolicy;
import org.ethoslab.runner.client.RunnerApiClient;
import org.ethoslab.runner.client.RunnerApiException;
import org.ethoslab.runner.executor.ExecutorProvider;
import org.ethoslab.runner.executor.StopSignal;
import org.ethoslab.runner.gpu.GpuShare;
import org.ethoslab.runner.gpu.GpuShares;
import org.ethoslab.runner.job.JobLifecycle;

/**
 * The runner's main loop: one thread per slot, each long-polling for a job, running it, and polling again. A job's
 * failure (or a bug in handling it) is logged and the slot carries on; errors talking to the app back off with
 * jitter. {@link #stop()} asks running jobs to stop and waits for the slots.
 */
public final class RunnerLoop {

  private static final Logger LOG = Logger.getLogger(RunnerLoop.class.getName());

  private final RunnerApiClient client;
  private final ExecutorProvider provider;
  private final JobLifecycle lifecycle;
  private final RunnerCapabilities capabilities;
  private final String runnerId;
  private final ObjectMapper json;
  private final ScheduledExecutorService timers;
  private final Map<Long, StopSignal> running = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong finished = new AtomicLong();
  private final Instant startedAt = Instant.now();
  private final boolean studentCode;
  private final GpuShares gpus;
  private final List<LabSpec> specs;
  private volatile boolean stopping;
  private volatile String lastError;

  public RunnerLoop(RunnerApiClient client, ExecutorProvider provider, JobLifecycle lifecycle,
                    RunnerCapabilities capabilities, String runnerId, boolean studentCode, ObjectMapper json) {
    this(client, provider, lifecycle, capabilities, runnerId, studentCode, json, GpuShares.none(), List.of());
  }

  /**
   * A loop on a node with GPUs: a slot claims GPU work (reports the GPUs) only while it holds a free share of one, so
   * each GPU runs at most {@link GpuShares#jobsPerGpu()} jobs; the other slots take CPU work meanwhile.
   */
  public RunnerLoop(RunnerApiClient client, ExecutorProvider provider, JobLifecycle lifecycle,
                    RunnerCapabilities capabilities, String runnerId, boolean studentCode, ObjectMapper json,
                    GpuShares gpus, List<LabSpec> specs) {
    this.gpus = gpus;
    this.specs = List.copyOf(specs);
    this.client = client;
    this.provider = provider;
    this.lifecycle = lifecycle;
    this.capabilities = capabilities;
    this.runnerId = runnerId;
    this.studentCode = studentCode;
    this.json = json;
    // Per running job one heartbeat and one event flush at most (fixed-delay tasks never overlap): a thread each, so a
    // slow flush can never hold up a heartbeat and cost the lease.
    this.timers = Executors.newScheduledThreadPool(2 * capabilities.slots(), task -> {
      Thread thread = new Thread(task, "runner-timers");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Publishes the labs' specs (in the background, retried until the app takes them), then one thread per slot. */
  public synchronized void start() {
    if (!specs.isEmpty()) {
      Thread publisher = new Thread(this::publishSpecs, "runner-publish-labs");
      publisher.setDaemon(true);
      publisher.start();
    }
    for (int i = 0; i < capabilities.slots(); i++) {
      Thread thread = new Thread(this::slotLoop, "runner-slot-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  private void slotLoop() {
    Optional<Integer> slot = provider.acquire();
    if (slot.isEmpty()) {
      LOG.severe("No free slot for " + Thread.currentThread().getName());
      return;
    }
    int failures = 0;
    try {
      while (!stopping) {
        Optional<GpuShare> share = gpus.tryAcquire();
        try {
          Optional<ClaimResponse> claim = client.claim(new ClaimRequest(runnerId,
              share.isPresent() ? capabilities : withoutGpus(capabilities)));
          failures = 0;
          lastError = null;
          if (claim.isPresent() && !stopping) {
            Optional<GpuShare> used = needsGpu(claim.get()) ? share : Optional.empty();
            if (used.isEmpty()) {
              share.ifPresent(gpus::release);
              share = Optional.empty();
            }
            runJob(claim.get(), slot.get(), used);
          }
        } catch (IOException | RunnerApiException e) {
          failures++;
          // A refused connection has no message: name the exception so the log and health say something useful.
          lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
          long wait = RetryPolicy.DEFAULT.delay(failures, Optional.empty()).toMillis();
          LOG.warning("Claim failed (" + lastError + "); next try in " + wait + " ms");
          Thread.sleep(wait);
        } finally {
          share.ifPresent(gpus::release);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      provider.release(slot.get());
    }
  }

  private void publishSpecs() {
    for (int attempt = 1; !stopping; attempt++) {
      try {
        client.publishLabs(specs);
        LOG.info("Published " + specs.size() + " lab spec(s) to the app");
        return;
      } catch (RunnerApiException e) {
        LOG.warning("The app refused the lab specs (" + e.getMessage() + "); its lab pages use other runners' specs");
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(RetryPolicy.DEFAULT.delay(attempt, Optional.empty()).toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** What a slot without a free GPU share reports: the app then offers it CPU work only. */
  static RunnerCapabilities withoutGpus(RunnerCapabilities c) {
    return new RunnerCapabilities(c.cpus(), c.memoryMb(), 0, 0, c.labs(), c.isolation(), c.slots(), c.version());
  }

  /** A job that asks for a GPU: compute tier {@code gpu}, or {@code resources.device} {@code gpu}. */
  static boolean needsGpu(ClaimResponse claim) {
    return "gpu".equals(claim.computeTier())
        || claim.input() != null && "gpu".equals(claim.input().path("resources").path("device").asText());
  }

  private void runJob(ClaimResponse claim, int slot, Optional<GpuShare> gpu) throws InterruptedException {
    StopSignal stop = new StopSignal();
    running.put(claim.jobId(), stop);
    LOG.info("Job " + claim.jobId() + " (" + claim.lab() + "@" + claim.labVersion() + ", attempt " + claim.attempt()
        + ") in slot " + slot);
    try {
      new JobSession(client, timers, runnerId).run(claim, slot, gpu, lifecycle, stop, json);
    } catch (InterruptedException e) {
      throw e;
    } catch (Throwable e) {
      // Survive anything one job does: the lease expires and the app re-queues it.
      LOG.log(Level.SEVERE, "Job " + claim.jobId() + " failed inside the runner", e);
    } finally {
      running.remove(claim.jobId());
      finished.incrementAndGet();
    }
  }

  /** Stops claiming, stops running jobs (they complete as infrastructure errors and run again) and waits. */
  public void stop() {
    stopping = true;
    running.values().forEach(signal -> signal.stop(StopSignal.Reason.SHUTDOWN));
    List<Thread> slots;
    synchronized (this) {
      slots = List.copyOf(threads);
    }
    // Let stopped jobs report themselves (complete as an infrastructure error) before long-polls are cut short.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!running.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Thread thread : slots) {
      thread.interrupt();
    }
    for (Thread thread : slots) {
      try {
        thread.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    timers.shutdownNow();
  }

  /** Cancels a running job from this side (used by tests and by an operator). */
  public boolean cancel(long jobId) {
    StopSignal signal = running.get(jobId);
    if (signal != null) {
      signal.stop(StopSignal.Reason.CANCELLED);
    }
    return signal != null;
  }

  public RunnerStatus status() {
    return new RunnerStatus(capabilities.isolation(), provider.features().detail(), studentCode,
        capabilities.slots(), List.copyOf(running.keySet()), finished.get(), lastError, startedAt);
  }
}
