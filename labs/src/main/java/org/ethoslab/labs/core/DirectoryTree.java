package org.ethoslab.labs.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a directory the labs made for themselves: a run's scratch, a model build's staging, a benchmark's output. */
public final class DirectoryTree {

  private DirectoryTree() {
  }

  /**
   * Deletes {@code dir} and everything below it, deepest first, without following links; nothing happens when it does
   * not exist. A file that cannot be deleted is left and leaves its folders behind.
   */
  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
