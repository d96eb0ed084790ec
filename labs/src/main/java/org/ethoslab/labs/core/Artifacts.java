package org.ethoslab.labs.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.job.LabExit;

/**
 * The artifact directory written by the untrusted phase, read back by the trusted one. Names are checked so an
 * artifact path can never leave the directory, and files are size-limited.
 */
public final class Artifacts {
  /** Everything a run may leave behind, summed over files. */
  public static final long MAX_TOTAL_BYTES = 20L * 1024 * 1024;

  private final Path dir;

  public Artifacts(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path resolve(String name) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("bad artifact name: " + name);
    }
    return dir.resolve(name);
  }

  public void writeJson(String name, Object value) throws IOException {
    write(name, ContractJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
  }

  /**
   * Writes one artifact, refusing (as the job's bad input: its parameters made the results too big) a write that
   * would take the directory past {@link #MAX_TOTAL_BYTES}: the limit holds where artifacts are written, and the
   * runner checks it again where they are uploaded.
   */
  public void write(String name, byte[] bytes) throws IOException {
    Files.createDirectories(dir);
    Path file = resolve(name);
    long others = totalBytes() - (Files.isRegularFile(file) ? Files.size(file) : 0);
    if (others + bytes.length > MAX_TOTAL_BYTES) {
      throw new LabFailure(LabExit.BAD_INPUT, "the run's results would total " + (others + bytes.length)
          + " bytes with " + name + ", more than the " + MAX_TOTAL_BYTES + " byte limit: choose smaller "
          + "parameters");
    }
    Files.write(file, bytes);
  }

  public <T> T readJson(String name, Class<T> type) {
    Path file = resolve(name);
    try {
      if (!Files.isRegularFile(file)) {
        throw LabFailure.badInput("artifacts", "missing artifact " + name + " in " + dir);
      }
      if (Files.size(file) > MAX_TOTAL_BYTES) {
        throw LabFailure.badInput("artifacts", name + " is larger than " + MAX_TOTAL_BYTES + " bytes");
      }
      return ContractJson.MAPPER.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw LabFailure.badInput("artifacts", name + " is not readable: " + e.getMessage());
    }
  }

  /** Total size of the directory's files, checked by the run phase before it reports success. */
  public long totalBytes() throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
