package org.ethoslab.runner.client;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to retry a protocol call and how long to wait: 408, 429 and 5xx replies and I/O errors are retried;
 * a {@code Retry-After} header (seconds or an HTTP date) is honoured; otherwise exponential backoff with full jitter,
 * so that many runners recovering from one outage do not come back in lockstep.
 */
public record RetryPolicy(Duration base, Duration cap) {

  /** 0.5 s doubling up to 30 s. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(30));

  /** True for the statuses worth another try. */
  public static boolean retryable(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /** The wait before attempt {@code attempt + 1} (attempt counts from 1), honouring the reply's Retry-After. */
  public Duration delay(int attempt, Optional<HttpResponse<?>> response) {
    Optional<Duration> retryAfter = response.flatMap(r -> r.headers().firstValue("Retry-After"))
        .flatMap(RetryPolicy::parseRetryAfter);
    if (retryAfter.isPresent()) {
      Duration wanted = retryAfter.get();
      return wanted.compareTo(cap.multipliedBy(4)) > 0 ? cap.multipliedBy(4) : wanted;
    }
    long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(base.toMillis() / 2, Math.max(ceiling, base.toMillis() / 2 + 1)));
  }

  /** {@code Retry-After: 120} or {@code Retry-After: Wed, 21 Oct 2015 07:28:00 GMT}. */
  static Optional<Duration> parseRetryAfter(String value) {
    String trimmed = value.trim();
    try {
      long seconds = Long.parseLong(trimmed);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(until.isNegative() ? Duration.ZERO : until);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
