package org.ethoslab.app.runnerapi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers runners named in {@code ETHOSLAB_RUNNER_BOOTSTRAP_TOKENS} ({@code name:token,name:token}) at every start,
 * so a compose deployment has working runners without anyone visiting the admin page: the operator generates each
 * token, puts it into the app's and the runner's environment, and the app stores only its SHA-256.
 *
 * <p>An entry with an empty token is skipped (the optional GPU runner of the compose file). A runner that does not
 * exist yet is registered; one whose stored hash differs gets the new hash (rotation by editing the env file); one with
 * the same hash is left alone, so a runner an admin revoked stays revoked until its token changes. Tokens must look
 * like the ones the admin page issues ({@value RunnerRegistry#TOKEN_PREFIX} and at least 32 URL-safe characters),
 * because the token filter accepts nothing else. Tokens never appear in logs or error messages.
 */
@Component
@Order(20)
public class RunnerBootstrapTokens implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RunnerBootstrapTokens.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
  private static final Pattern TOKEN = Pattern.compile(Pattern.quote(RunnerRegistry.TOKEN_PREFIX)
      + "[A-Za-z0-9_-]{32,190}");

  private final RunnerRepository runners;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final String configured;

  RunnerBootstrapTokens(RunnerRepository runners, TransactionTemplate transactions, ObjectProvider<Clock> clocks,
                        @Value("${ethoslab.runner.bootstrap.tokens:}") String configured) {
    this.runners = runners;
    this.transactions = transactions;
    this.clock = clocks.getIfUnique(Clock::systemUTC);
    this.configured = configured;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (configured == null || configured.isBlank()) {
      return;
    }
    apply(configured);
  }

  /** What happened to one named runner. */
  public enum Change { REGISTERED, TOKEN_REPLACED, UNCHANGED }

  /**
   * Registers or updates every runner in {@code spec}; returns what happened per name. A malformed entry throws
   * {@link IllegalArgumentException} naming its position (never its token) and nothing is stored.
   */
  public Map<String, Change> apply(String spec) {
    Map<String, String> hashes = parse(spec);
    // One transaction: an entry refused half-way (the embedded runner's name) leaves every runner as it was.
    Map<String, Change> changes = transactions.execute(status -> store(hashes));
    changes.forEach((name, change) ->
        log.info("Bootstrap runner {}: {}", name, change.name().toLowerCase().replace('_', ' ')));
    return changes;
  }

  private Map<String, Change> store(Map<String, String> hashes) {
    Map<String, Change> changes = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : hashes.entrySet()) {
      String name = entry.getKey();
      Optional<Runner> existing = runners.findByName(name);
      Change change;
      if (existing.isEmpty()) {
        runners.save(new Runner(name, entry.getValue(), false, clock.instant()));
        change = Change.REGISTERED;
      } else if (existing.get().isInternalRunner()) {
        throw new IllegalArgumentException("ETHOSLAB_RUNNER_BOOTSTRAP_TOKENS: '" + name + "' is the app's embedded "
            + "runner; choose another name");
      } else if (!existing.get().getTokenHash().equals(entry.getValue())) {
        existing.get().replaceToken(entry.getValue(), existing.get().isAllowUnsandboxed());
        change = Change.TOKEN_REPLACED;
      } else {
        change = Change.UNCHANGED;
      }
      changes.put(name, change);
    }
    return changes;
  }

  /** Name to token hash, in the order given; empty tokens skipped. */
  static Map<String, String> parse(String spec) {
    Map<String, String> hashes = new LinkedHashMap<>();
    List<String> entries = new ArrayList<>(List.of(spec.split(",", -1)));
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i).strip();
      String where = "ETHOSLAB_RUNNER_BOOTSTRAP_TOKENS entry " + (i + 1);
      if (entry.isEmpty()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(where + ": expected name:token");
      }
      String name = entry.substring(0, colon).strip();
      String token = entry.substring(colon + 1).strip();
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(where + ": name must be 1–80 letters, digits, '.', '_' or '-', starting "
            + "with a letter or digit");
      }
      if (token.isEmpty()) {
        continue;
      }
      if (!TOKEN.matcher(token).matches()) {
        throw new IllegalArgumentException(where + " (" + name + "): the token must start with '"
            + RunnerRegistry.TOKEN_PREFIX + "' followed by 32 to 190 letters, digits, '-' or '_' "
            + "(generate one with: echo elr_$(openssl rand -hex 32))");
      }
      if (hashes.put(name, RunnerRegistry.hash(token)) != null) {
        throw new IllegalArgumentException(where + ": runner '" + name + "' is named twice");
      }
    }
    return hashes;
  }
}
