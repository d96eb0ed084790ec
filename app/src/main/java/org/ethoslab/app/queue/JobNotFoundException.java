package org.ethoslab.app.queue;

/** No lab job has the given id. */
public class JobNotFoundException extends RuntimeException {

  public JobNotFoundException(long jobId) {
    super("no lab job with id " + jobId);
  }
}
