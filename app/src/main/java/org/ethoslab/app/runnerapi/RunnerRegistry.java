package org.ethoslab.app.runnerapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ethoslab.contract.runner.RunnerCapabilities;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers runners and checks their tokens. A token is 256 random bits, shown once and stored only as its SHA-256:
 * with that much entropy a plain hash is enough (no slow password hash needed), and a leaked table gives no tokens.
 */
@Service
public class RunnerRegistry {

  /** Prefix that makes a leaked token recognisable in logs and secret scanners. */
  static final String TOKEN_PREFIX = "elr_";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
  /** Last-seen is written at most this often per runner, so busy runners do not contend on their own row. */
  private static final Duration SEEN_RESOLUTION = Duration.ofSeconds(10);

  private final RunnerRepository runners;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ObjectMapper json = new ObjectMapper();

  RunnerRegistry(RunnerRepository runners, ObjectProvider<Clock> clocks) {
    this.runners = runners;
    this.clock = clocks.getIfUnique(Clock::systemUTC);
  }

  /** Registers a runner; the returned token is the only copy there will ever be. */
  @Transactional
  public IssuedToken register(String name) {
    if (name == null || !NAME.matcher(name.strip()).matches()) {
      throw new IllegalArgumentException("name: use 1–80 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    String cleanName = name.strip();
    if (runners.findByName(cleanName).isPresent()) {
      throw new IllegalArgumentException("name: a runner named '" + cleanName + "' exists already");
    }
    String token = newToken();
    Runner runner = runners.save(new Runner(cleanName, hash(token), false, clock.instant()));
    return new IssuedToken(runner.getId(), cleanName, token);
  }

  /**
   * Gives the app's own embedded runner a fresh token at every start (registering it the first time).
   *
   * @param allowUnsandboxed true only when the app listens on localhost alone and the explicit development setting
   *                         ({@code ethoslab.runner.allow-unsandboxed}) is on
   */
  @Transactional
  public IssuedToken registerInternal(String name, boolean allowUnsandboxed) {
    String token = newToken();
    Runner runner = runners.findByName(name)
        .orElseGet(() -> runners.save(new Runner(name, hash(token), true, clock.instant())));
    if (!runner.isInternalRunner()) {
      throw new IllegalStateException("a registered runner is already named '" + name + "'; choose another name "
          + "for the embedded runner (ethoslab.runner.embedded.name)");
    }
    runner.replaceToken(hash(token), allowUnsandboxed);
    return new IssuedToken(runner.getId(), name, token);
  }

  /** Revokes a runner's token at once. */
  @Transactional
  public void revoke(long runnerId) {
    runners.findById(runnerId)
        .orElseThrow(() -> new IllegalArgumentException("no runner with id " + runnerId))
        .revoke(clock.instant());
  }

  /** The runner a bearer token belongs to, if it is known and not revoked. */
  @Transactional(readOnly = true)
  public Optional<RunnerPrincipal> authenticate(String token) {
    if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    String presented = hash(token);
    return runners.findByTokenHash(presented)
        // The lookup went by hash; compare again in constant time so no timing depends on how much matched.
        .filter(r -> MessageDigest.isEqual(r.getTokenHash().getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.US_ASCII)))
        .filter(r -> !r.isRevoked())
        .map(r -> new RunnerPrincipal(r.getId(), r.getName()));
  }

  /** Records what a claiming runner reported and returns the runner. */
  @Transactional
  public Runner reportCapabilities(long runnerId, RunnerCapabilities capabilities) {
    Runner runner = runners.findById(runnerId).orElseThrow(() -> new IllegalStateException("runner " + runnerId
        + " vanished"));
    String reported;
    try {
      reported = json.writeValueAsString(capabilities);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("capabilities: not writable as JSON", e);
    }
    boolean changed = !Objects.equals(reported, runner.getCapabilities());
    boolean stale = runner.getLastSeenAt() == null
        || runner.getLastSeenAt().plus(SEEN_RESOLUTION).isBefore(clock.instant());
    if (changed || stale) {
      runner.reported(reported, capabilities.isolation(), capabilities.gpus(), clock.instant());
    }
    return runner;
  }

  /** Notes that the runner is alive (heartbeats). */
  @Transactional
  public void seen(long runnerId) {
    runners.findById(runnerId).ifPresent(r -> {
      if (r.getLastSeenAt() == null || r.getLastSeenAt().plus(SEEN_RESOLUTION).isBefore(clock.instant())) {
        r.seen(clock.instant());
      }
    });
  }

  /** Every runner, by name. */
  @Transactional(readOnly = true)
  public List<Runner> all() {
    return runners.findAllByOrderByNameAsc();
  }

  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A runner's token as issued: show it once, then forget it. */
  public record IssuedToken(long runnerId, String name, String token) {
    @Override
    public String toString() {
      return "IssuedToken[runnerId=" + runnerId + ", name=" + name + ", token=<hidden>]";
    }
  }
}
