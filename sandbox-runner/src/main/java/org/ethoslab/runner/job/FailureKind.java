package org.ethoslab.runner.job;

/**
 * Whose fault a failed job is, as GitLab Runner separates script failures from system failures: only system
 * failures are retried, and they never cost the student an attempt.
 */
public enum FailureKind {
  /** The submission itself: compile error, limit exceeded, exception, bad input. */
  JOB,
  /** The platform: the sandbox would not start, the grading step crashed, the runner was stopped. */
  SYSTEM
}
