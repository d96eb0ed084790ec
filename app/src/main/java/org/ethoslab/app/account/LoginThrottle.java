package org.ethoslab.app.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins for the same account from the same IP
 * address within {@code window}, further attempts from there are refused until the window has passed. Keyed by
 * account and IP together so that a stranger cannot lock a student out from elsewhere.
 *
 * <p>State lives in memory: one app instance serves a class; a restart clears it, which is acceptable for a
 * time-boxed lock.
 */
@Component
public class LoginThrottle {

  private final Clock clock;
  private final int maxFailures;
  private final Duration window;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(Clock clock,
                @Value("${ethoslab.login.max-failures:5}") int maxFailures,
                @Value("${ethoslab.login.lock-duration:PT15M}") Duration window) {
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.window = window;
  }

  /** Records a failed login attempt. */
  public void recordFailure(String email, String ip) {
    Instant now = clock.instant();
    failures.compute(key(email, ip), (k, old) ->
        old == null || old.expired(now, window) ? new Failures(1, now) : new Failures(old.count() + 1, old.first()));
  }

  /** Forgets the failures of this account and IP after a successful login. */
  public void recordSuccess(String email, String ip) {
    failures.remove(key(email, ip));
  }

  /** How long attempts for this account from this IP stay refused, or empty when they are allowed. */
  public Optional<Duration> lockedFor(String email, String ip) {
    Instant now = clock.instant();
    Failures f = failures.get(key(email, ip));
    if (f == null || f.count() < maxFailures) {
      return Optional.empty();
    }
    if (f.expired(now, window)) {
      failures.remove(key(email, ip), f);
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, f.first().plus(window)));
  }

  private static String key(String email, String ip) {
    return UserAccount.normalizeEmail(email) + "|" + ip;
  }

  private record Failures(int count, Instant first) {
    boolean expired(Instant now, Duration window) {
      return !now.isBefore(first.plus(window));
    }
  }
}
