package org.ethoslab.runner.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need the real sandbox skip with a message saying what to install, unless
 * {@code ETHOSLAB_REQUIRE_REAL_SERVICES=true} (CI), where a missing service fails the test.
 */
public final class RealServices {

  private RealServices() {
  }

  public static void requireBubblewrap() {
    require(Files.isExecutable(Path.of("/usr/bin/bwrap")),
        "bubblewrap is not installed: apt-get install bubblewrap (needs user namespaces)");
  }

  /** The labs build the real-lab tests run ({@code mvn -B -pl labs -am package} makes it; CI builds it first). */
  public static void requireLabsBuild(Path labsHome) {
    require(Files.isRegularFile(labsHome.resolve("labs.jar")) && Files.isDirectory(labsHome.resolve("hook-host")),
        labsHome + " has no labs.jar and hook-host/: build them with mvn -B -pl labs -am package -DskipTests");
  }

  public static void requireRoot() {
    require("root".equals(System.getProperty("user.name")),
        "the full sandbox chain (per-slot uid, cgroups) needs the runner to run as root");
  }

  private static void require(boolean present, String message) {
    if ("true".equalsIgnoreCase(System.getenv("ETHOSLAB_REQUIRE_REAL_SERVICES"))) {
      Assertions.assertTrue(present, message);
    }
    Assumptions.assumeTrue(present, message);
  }
}
