package org.ethoslab.runner.executor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a directory the runner made: a job's, the canary's, a mirror of the labs build. */
public final class DirectoryTree {

  private DirectoryTree() {
  }

  /**
   * Deletes {@code dir} and everything below it, deepest first, without following links. Whatever cannot be deleted
   * is left (the next start's sweep tries again).
   *
   * @return an empty string when nothing is left (or there was nothing), else what stood in the way, for the log
   */
  public static String delete(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return "";
    }
    String problem = "";
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          problem = path + ": " + e.getMessage();
        }
      }
    } catch (IOException | UncheckedIOException e) {
      problem = e.getMessage();
    }
    return problem;
  }
}
