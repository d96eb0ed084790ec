package org.ethoslab.runner.job;

import org.ethoslab.contract.runner.Outcome;

/** A job stage ended the job: the typed reason, the verdict and its message in plain words. */
public final class JobFailure extends Exception {

  private final FailureKind kind;
  private final Outcome outcome;

  public JobFailure(FailureKind kind, Outcome outcome, String message) {
    super(message);
    this.kind = kind;
    this.outcome = outcome;
  }

  public JobFailure(FailureKind kind, Outcome outcome, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.outcome = outcome;
  }

  /** A platform failure: retried, reported as {@link Outcome#INFRASTRUCTURE_ERROR}, costs the student nothing. */
  public static JobFailure system(String message, Throwable cause) {
    return new JobFailure(FailureKind.SYSTEM, Outcome.INFRASTRUCTURE_ERROR, message, cause);
  }

  public FailureKind kind() {
    return kind;
  }

  public Outcome outcome() {
    return outcome;
  }
}
