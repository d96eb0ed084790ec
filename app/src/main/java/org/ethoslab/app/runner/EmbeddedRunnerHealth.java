package org.ethoslab.app.runner;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The embedded runner in {@code /actuator/health}: its isolation level and whether it accepts student code. A runner
 * that is still starting or failed to start reads UNKNOWN, which never turns the app's own health DOWN: the web UI
 * works without it and jobs wait for any runner.
 */
class EmbeddedRunnerHealth implements HealthIndicator {

  private final EmbeddedRunnerLauncher launcher;

  EmbeddedRunnerHealth(EmbeddedRunnerLauncher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Health health() {
    return launcher.status()
        .map(s -> Health.up().withDetail("isolation", s.isolation())
            .withDetail("isolationDetail", s.isolationDetail())
            .withDetail("studentCode", s.studentCode())
            .withDetail("slots", s.slots())
            .withDetail("runningJobs", s.runningJobs().size())
            .withDetail("finishedJobs", s.finishedJobs())
            .build())
        .orElseGet(() -> Health.unknown()
            .withDetail("state", launcher.startFailure().map(f -> "failed to start: " + f).orElse("starting"))
            .build());
  }
}
