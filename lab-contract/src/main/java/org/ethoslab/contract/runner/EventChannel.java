package org.ethoslab.contract.runner;

/**
 * Who an event comes from, stamped by the runner on every event from the pipe it arrived on, never taken from the
 * event's own fields: student code cannot print an event of the runner or of the lab.
 */
public enum EventChannel {
  /** The runner's own lifecycle: prepare, run, evaluate, retry, failed. */
  RUNNER,
  /** The lab's trusted processes (trainer, evaluator): phases, progress, metrics, log lines. */
  LAB,
  /** What student code printed in the hook host: always a plain log line. */
  STUDENT;

  /** The value of the {@code channel} field in event JSON. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
