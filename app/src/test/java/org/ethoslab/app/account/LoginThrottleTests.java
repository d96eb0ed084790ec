package org.ethoslab.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTests {

  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(15));

  @Test
  void locksAfterTheLimitAndOnlyForThatAccountAndAddress() {
    throttle.recordFailure("A@example.org", "10.0.0.1");
    throttle.recordFailure("a@example.org", "10.0.0.1");
    assertThat(throttle.lockedFor("a@example.org", "10.0.0.1")).isEmpty();
    throttle.recordFailure("a@example.org ", "10.0.0.1");
    assertThat(throttle.lockedFor("a@example.org", "10.0.0.1")).contains(Duration.ofMinutes(15));
    assertThat(throttle.lockedFor("a@example.org", "10.0.0.2")).isEmpty();
    assertThat(throttle.lockedFor("b@example.org", "10.0.0.1")).isEmpty();
  }

  @Test
  void theLockEndsWhenTheWindowHasPassed() {
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure("a@example.org", "ip");
    }
    clock.advance(Duration.ofMinutes(10));
    assertThat(throttle.lockedFor("a@example.org", "ip")).contains(Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(5));
    assertThat(throttle.lockedFor("a@example.org", "ip")).isEmpty();
  }

  @Test
  void successClearsEarlierFailures() {
    throttle.recordFailure("a@example.org", "ip");
    throttle.recordFailure("a@example.org", "ip");
    throttle.recordSuccess("a@example.org", "ip");
    throttle.recordFailure("a@example.org", "ip");
    assertThat(throttle.lockedFor("a@example.org", "ip")).isEmpty();
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
