package org.ethoslab.app.queue;

/** A runner asked for something the job's state does not allow (it does not hold the lease, or the job ended otherwise). */
public class JobConflictException extends RuntimeException {

  public JobConflictException(String message) {
    super(message);
  }
}
