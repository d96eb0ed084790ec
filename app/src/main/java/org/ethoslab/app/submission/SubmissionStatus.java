package org.ethoslab.app.submission;

/** Where a submission is in its life; the runner's {@code Outcome} says how a {@link #FINISHED} one ended. */
public enum SubmissionStatus {
  /** Waiting for a runner. */
  QUEUED,
  /** A runner has claimed the job. */
  RUNNING,
  /** The job ended; see the outcome. */
  FINISHED
}
