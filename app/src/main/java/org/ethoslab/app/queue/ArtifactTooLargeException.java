package org.ethoslab.app.queue;

/** An uploaded artifact passed the configured size limit; nothing was stored. */
public class ArtifactTooLargeException extends RuntimeException {

  public ArtifactTooLargeException(String name, long limit) {
    super("artifact '" + name + "' is larger than the limit of " + limit + " bytes (ethoslab.queue.artifact-max-bytes)");
  }
}
