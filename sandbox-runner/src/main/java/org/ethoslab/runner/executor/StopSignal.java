package org.ethoslab.runner.executor;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks a running job to stop from another thread (cancel from the app, lease lost, runner shutdown). The first
 * reason wins; the supervising loop polls it and kills the job's process tree.
 */
public final class StopSignal {

  /** Why a job was stopped from outside. */
  public enum Reason {
    CANCELLED, LEASE_LOST, SHUTDOWN
  }

  private final AtomicReference<Reason> reason = new AtomicReference<>();

  public void stop(Reason why) {
    reason.compareAndSet(null, why);
  }

  public boolean stopped() {
    return reason.get() != null;
  }

  /** The reason, or null while the job may run. */
  public Reason reason() {
    return reason.get();
  }
}
