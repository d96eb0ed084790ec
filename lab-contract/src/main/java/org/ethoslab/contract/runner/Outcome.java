package org.ethoslab.contract.runner;

/**
 * How a job ended, in terms a student can act on. {@link #INFRASTRUCTURE_ERROR} never costs an attempt.
 */
public enum Outcome {
  SUCCEEDED,
  BAD_INPUT,
  COMPILE_ERROR,
  RUNTIME_ERROR,
  TIME_LIMIT_EXCEEDED,
  CPU_LIMIT_EXCEEDED,
  MEMORY_LIMIT_EXCEEDED,
  OUTPUT_LIMIT_EXCEEDED,
  CANCELLED,
  INFRASTRUCTURE_ERROR;

  /** True when the student (not the platform) caused the failure. */
  public boolean studentCaused() {
    return this != SUCCEEDED && this != CANCELLED && this != INFRASTRUCTURE_ERROR;
  }
}
