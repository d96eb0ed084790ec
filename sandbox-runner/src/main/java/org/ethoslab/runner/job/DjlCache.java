package org.ethoslab.runner.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.ethoslab.runner.executor.StopSignal;
import org.ethoslab.runner.executor.SupervisedProcess;
import org.ethoslab.runner.sandbox.StandaloneClass;

/**
 * The runner-owned DJL cache: native engine libraries extracted once (about 450 MB, a few seconds), outside the
 * sandbox, by {@link DjlCacheWarmer}; afterwards bound read-only into every sandbox, where nothing can be downloaded
 * or extracted. A marker file records which labs build warmed it, so a new build warms it again.
 */
public final class DjlCache {

  private static final Logger LOG = Logger.getLogger(DjlCache.class.getName());
  private static final String MARKER = ".ethoslab-warm";

  private DjlCache() {
  }

  /**
   * Extracts the natives of the labs at {@code labsHome} into {@code cache} unless that was done for this build;
   * returns false (and logs why) when warming failed, so the caller can report it.
   */
  public static boolean ensureWarm(Path labsHome, Path cache, Path javaHome, Path scratch) {
    Path jar = labsHome.resolve("labs.jar");
    try {
      String build = Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
      Path marker = cache.resolve(MARKER);
      if (Files.isRegularFile(marker) && Files.readString(marker).equals(build)) {
        return true;
      }
      Files.createDirectories(cache);
      Path classes = StandaloneClass.copy(DjlCacheWarmer.class, scratch.resolve("warmer-classes"));
      List<String> argv = List.of(javaHome.resolve("bin").resolve("java").toString(), "-Dai.djl.offline=true",
          "-Xmx512m", "-cp", jar + ":" + labsHome.resolve("lib") + "/*:" + classes, DjlCacheWarmer.class.getName());
      ProcessBuilder builder = new ProcessBuilder(argv).directory(scratch.toFile());
      builder.environment().put("DJL_CACHE_DIR", cache.toString());
      builder.environment().put("DJL_OFFLINE", "true");
      List<String> lines = Collections.synchronizedList(new ArrayList<>());
      SupervisedProcess.Result result = SupervisedProcess.run(builder, Duration.ofMinutes(5), 4 << 20,
          (stderr, line) -> lines.add(line), new StopSignal(), Process::destroyForcibly);
      if (result.exitCode() != 0 || !lines.contains(DjlCacheWarmer.WARM)) {
        LOG.warning("Warming the DJL cache " + cache + " failed (exit " + result.exitCode() + "): "
            + result.stderrHead().strip());
        return false;
      }
      openForReading(cache);
      Files.writeString(marker, build);
      LOG.info("DJL cache " + cache + " warmed in " + result.elapsed().toMillis() + " ms");
      return true;
    } catch (IOException e) {
      LOG.warning("Warming the DJL cache " + cache + " failed: " + e.getMessage());
      return false;
    }
  }

  /**
   * DJL (and the labs' model cache) create private (0700) temporary directories; the sandbox's and the evaluator's
   * unprivileged uids must read what ends up there, so the tree becomes world-readable (never writable: it is bound
   * read-only anyway).
   */
  static void openForReading(Path cache) throws IOException {
    try (Stream<Path> files = Files.walk(cache)) {
      for (Path path : files.toList()) {
        if (Files.isSymbolicLink(path)) {
          continue;
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
            Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }
}
