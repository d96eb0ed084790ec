package org.ethoslab.runner.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalInt;

/**
 * The directories of a job's hook sockets: one per stage, each later owned by that stage's uid alone, under the
 * runner's short channel root (a Unix socket path is limited to 107 bytes, which a deep work directory exceeds).
 */
final class JobChannels {

  private JobChannels() {
  }

  /** Creates {@code dir} and its parents; the parents stay the runner's, traversable but not listable. */
  static Path create(Path dir) throws IOException {
    Files.createDirectories(dir.getParent());
    Files.setPosixFilePermissions(dir.getParent(), PosixFilePermissions.fromString("rwx--x--x"));
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    return dir;
  }

  /** Gives {@code dir} to {@code uid}, when the stage runs as one. */
  static void handOver(Path dir, OptionalInt uid) throws IOException {
    if (uid.isPresent()) {
      Files.setAttribute(dir, "unix:uid", uid.getAsInt());
      Files.setAttribute(dir, "unix:gid", uid.getAsInt());
    }
  }
}
