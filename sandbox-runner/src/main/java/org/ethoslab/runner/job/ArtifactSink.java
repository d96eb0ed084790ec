package org.ethoslab.runner.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Where a finished job's artifacts go ({@code PUT /jobs/{id}/artifacts/{name}} in production). */
@FunctionalInterface
public interface ArtifactSink {

  /** Uploads one artifact; empty when stored, else why the receiver refused it (too large, budget used up). */
  Optional<String> upload(String name, Path file) throws IOException, InterruptedException;
}
