package org.ethoslab.app.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides what a test does when a real service it needs (PostgreSQL, Chromium) is missing: skip with a message that
 * says what to install, or fail when {@code ETHOSLAB_REQUIRE_REAL_SERVICES=true} (set in CI), so that CI can never
 * pass by silently skipping.
 */
public final class RealServices {

  /** Environment variable that turns a missing real service from a skip into a failure. */
  public static final String REQUIRE_ENV = "ETHOSLAB_REQUIRE_REAL_SERVICES";

  private RealServices() {
  }

  /** True when CI asked for every real service to be present. */
  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv(REQUIRE_ENV));
  }

  /**
   * Skips (or, in CI, fails) the current test when {@code available} is false.
   *
   * @param available  whether the service was found
   * @param whatToDo   plain-words hint, e.g. "install PostgreSQL and start it on 127.0.0.1:5432"
   */
  public static void assumeAvailable(boolean available, String whatToDo) {
    if (available) {
      return;
    }
    if (required()) {
      Assertions.fail(REQUIRE_ENV + "=true but a real service is missing: " + whatToDo);
    }
    Assumptions.abort("Skipped: " + whatToDo);
  }
}
