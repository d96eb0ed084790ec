package org.ethoslab.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ethoslab.runner.job.DjlCache;

/**
 * {@code java -cp ethoslab-runner.jar org.ethoslab.runner.CacheWarmup --labs-home DIR --djl-cache DIR}: extracts the
 * DJL natives of the labs at {@code DIR} into the cache exactly as a starting runner does, and marks it warm for this
 * labs build. The runner images run it at build time, so a container never extracts or downloads natives and the
 * cache can be read-only for the runner's user. Exit 0 when warm, 1 when warming failed, 2 for bad arguments.
 */
public final class CacheWarmup {

  private CacheWarmup() {
  }

  public static void main(String[] args) throws IOException {
    Path labsHome = null;
    Path cache = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--labs-home" -> labsHome = Path.of(required("--labs-home", value));
        case "--djl-cache" -> cache = Path.of(required("--djl-cache", value));
        default -> fail("unknown argument '" + args[i] + "'");
      }
      i++;
    }
    if (labsHome == null || cache == null) {
      fail("--labs-home and --djl-cache are both required");
    }
    if (!Files.isRegularFile(labsHome.resolve("labs.jar"))) {
      fail("--labs-home " + labsHome + " has no labs.jar");
    }
    Path scratch = Files.createTempDirectory("ethoslab-warmup-");
    boolean warm = DjlCache.ensureWarm(labsHome.toAbsolutePath().normalize(), cache.toAbsolutePath().normalize(),
        Path.of(System.getProperty("java.home")), scratch);
    System.out.println(warm ? "DJL cache " + cache + " is warm" : "Warming the DJL cache " + cache + " failed");
    System.exit(warm ? 0 : 1);
  }

  private static String required(String flag, String value) {
    if (value == null) {
      fail(flag + " needs a value");
    }
    return value;
  }

  private static void fail(String message) {
    System.err.println("ethoslab-runner CacheWarmup: " + message);
    System.exit(2);
  }
}
