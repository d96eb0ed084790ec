package org.ethoslab.runner.executor;

/** The sandbox itself failed (setup, mounts, cgroups, a missing binary): a system failure, never the student's. */
public class ExecutorException extends Exception {

  public ExecutorException(String message) {
    super(message);
  }

  public ExecutorException(String message, Throwable cause) {
    super(message, cause);
  }
}
