package org.ethoslab.app.submission;

/**
 * Whether a submission has its grade yet; the runner's {@code Outcome} says how a {@link #FINISHED} one ended. While
 * it is {@link #QUEUED} the queue job's own state tells whether a runner has started it.
 */
public enum SubmissionStatus {
  /** Submitted; its job is waiting for a runner or running. */
  QUEUED,
  /** The job ended; see the outcome. */
  FINISHED
}
