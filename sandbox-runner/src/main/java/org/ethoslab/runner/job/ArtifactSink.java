package org.ethoslab.runner.job;

import java.io.IOException;
import java.nio.file.Path;

/** Where a finished job's artifacts go ({@code PUT /jobs/{id}/artifacts/{name}} in production). */
@FunctionalInterface
public interface ArtifactSink {

  /** Uploads one artifact; false when the receiver refused it as too large. */
  boolean upload(String name, Path file) throws IOException, InterruptedException;
}
