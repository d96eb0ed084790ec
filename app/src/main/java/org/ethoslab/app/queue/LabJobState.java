package org.ethoslab.app.queue;

/** Where a lab job is in its life: waiting, held by a runner, or finished. */
public enum LabJobState {
  /** Waiting for a runner. */
  QUEUED,
  /** Handed to a runner that has not yet reported the job started. */
  LEASED,
  /** The runner reported progress (a heartbeat or an event). */
  RUNNING,
  /** Finished with outcome SUCCEEDED. */
  SUCCEEDED,
  /** Finished with any other outcome, infrastructure errors after the last retry included. */
  FAILED,
  /** Cancelled by the student or an instructor. */
  CANCELLED;

  /** True while a runner holds the job. */
  public boolean active() {
    return this == LEASED || this == RUNNING;
  }

  /** True once nothing more will happen to the job. */
  public boolean terminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
