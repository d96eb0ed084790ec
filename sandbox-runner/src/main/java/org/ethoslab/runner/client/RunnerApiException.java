package org.ethoslab.runner.client;

/** The app answered a protocol call with a status that retrying will not fix (4xx other than 408/429). */
public class RunnerApiException extends Exception {

  private final int status;

  public RunnerApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status; 0 when the call never got an answer. */
  public int status() {
    return status;
  }
}
