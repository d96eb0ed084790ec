package org.ethoslab.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.ethoslab.runner.executor.DirectoryTree;

/**
 * Removes job directories a killed runner left behind, unmounting the size-limited tmpfs first where one is still
 * mounted. Their jobs already went back to the queue when their leases expired.
 */
final class StaleJobDirectories {

  private static final Logger LOG = Logger.getLogger(StaleJobDirectories.class.getName());

  private StaleJobDirectories() {
  }

  static void sweep(Path jobs) {
    List<String> mounts;
    try {
      mounts = Files.readAllLines(Path.of("/proc/self/mounts")).stream().map(line -> line.split(" "))
          .filter(fields -> fields.length > 1).map(fields -> fields[1]).toList();
    } catch (IOException e) {
      mounts = List.of();
    }
    try (Stream<Path> dirs = Files.list(jobs)) {
      for (Path dir : dirs.toList()) {
        Path sandbox = dir.resolve("sandbox");
        if (mounts.contains(sandbox.toString())) {
          unmount(sandbox);
        }
        delete(dir);
        LOG.info("Removed the job directory " + dir + " left by an earlier run");
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warning("Could not sweep " + jobs + ": " + e.getMessage());
    }
  }

  private static void unmount(Path dir) {
    try {
      new ProcessBuilder("umount", "-l", dir.toString()).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      LOG.warning("Could not unmount " + dir + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void delete(Path dir) {
    String problem = DirectoryTree.delete(dir);
    if (!problem.isEmpty()) {
      LOG.warning("Could not delete " + dir + " completely: " + problem);
    }
  }
}
