package org.ethoslab.runner.executor;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks a running job to stop from another thread (cancel from the app, lease lost, runner shutdown, or the job's
 * hook host gone). The first reason wins; the supervising loop polls it and kills the job's process tree. A
 * {@link #child} stops with its parent and can also be stopped alone, for one stage of a job.
 */
public final class StopSignal {

  /** Why a job or one of its stages was stopped from outside. */
  public enum Reason {
    CANCELLED, LEASE_LOST, SHUTDOWN,
    /** The job's hook host ended or failed to load, so the stage that needed it was stopped by the runner. */
    HOOK_HOST_ENDED
  }

  private final AtomicReference<Reason> reason = new AtomicReference<>();
  private final StopSignal parent;

  public StopSignal() {
    this(null);
  }

  private StopSignal(StopSignal parent) {
    this.parent = parent;
  }

  /** A signal for one stage: stopped when this one is, or on its own. */
  public StopSignal child() {
    return new StopSignal(this);
  }

  public void stop(Reason why) {
    reason.compareAndSet(null, why);
  }

  public boolean stopped() {
    return reason() != null;
  }

  /** The reason, or null while the job may run; the parent's reason first. */
  public Reason reason() {
    Reason inherited = parent == null ? null : parent.reason();
    return inherited != null ? inherited : reason.get();
  }
}
