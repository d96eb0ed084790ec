package org.ethoslab.app.runnerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.ethoslab.app.queue.QueueIntegrationTest;
import org.ethoslab.app.runnerapi.RunnerBootstrapTokens.Change;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Runners registered from {@code ETHOSLAB_RUNNER_BOOTSTRAP_TOKENS}: stored hashed, rotated, revocation kept, bad input named. */
@QueueIntegrationTest
class RunnerBootstrapTokensIntegrationTests {

  // Fresh tokens per test: the shared context keeps runners of other tests, and token hashes must stay unique.
  private final String token1 = token();
  private final String token2 = token();

  @Autowired
  RunnerBootstrapTokens bootstrap;
  @Autowired
  RunnerRegistry registry;
  @Autowired
  RunnerRepository runners;

  @Test
  void registersNamedRunnersSkipsEmptyTokensAndStoresOnlyTheHash() {
    String name = unique("boot-cpu");
    String gpu = unique("boot-gpu");
    Map<String, Change> changes = bootstrap.apply(name + ":" + token1 + ", " + gpu + ":");

    assertThat(changes).containsExactly(Map.entry(name, Change.REGISTERED));
    assertThat(runners.findByName(gpu)).isEmpty();
    Runner runner = runners.findByName(name).orElseThrow();
    assertThat(runner.getTokenHash()).isEqualTo(RunnerRegistry.hash(token1)).doesNotContain(token1);
    assertThat(runner.isInternalRunner()).isFalse();
    assertThat(registry.authenticate(token1)).map(RunnerPrincipal::name).contains(name);
  }

  @Test
  void aChangedTokenReplacesTheHashAndTheSameTokenChangesNothing() {
    String name = unique("boot-rotate");
    bootstrap.apply(name + ":" + token1);
    assertThat(bootstrap.apply(name + ":" + token1)).containsEntry(name, Change.UNCHANGED);

    assertThat(bootstrap.apply(name + ":" + token2)).containsEntry(name, Change.TOKEN_REPLACED);
    assertThat(registry.authenticate(token2)).map(RunnerPrincipal::name).contains(name);
    assertThat(registry.authenticate(token1).map(RunnerPrincipal::name)).isNotEqualTo(java.util.Optional.of(name));
  }

  @Test
  void aRevokedRunnerStaysRevokedWhileItsTokenIsTheSame() {
    String name = unique("boot-revoked");
    String token = token();
    bootstrap.apply(name + ":" + token);
    registry.revoke(runners.findByName(name).orElseThrow().getId());

    bootstrap.apply(name + ":" + token);

    assertThat(registry.authenticate(token)).isEmpty();
  }

  @Test
  void badEntriesAreNamedWithoutTheTokenAndNothingIsStored() {
    String name = unique("boot-bad");
    assertThatThrownBy(() -> bootstrap.apply(name + ":" + token1 + "," + unique("boot-short") + ":short-secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 2")
        .hasMessageContaining("must start with 'elr_'")
        .hasMessageNotContaining("short-secret");
    assertThat(runners.findByName(name)).isEmpty();

    assertThatThrownBy(() -> bootstrap.apply("no-colon-here")).hasMessageContaining("entry 1: expected name:token");
    assertThatThrownBy(() -> bootstrap.apply("bad name!:" + token1)).hasMessageContaining("entry 1: name must be");
    assertThatThrownBy(() -> bootstrap.apply(name + ":" + token1 + "," + name + ":" + token2))
        .hasMessageContaining("named twice");
  }

  @Test
  void theEmbeddedRunnersNameIsRefusedAndEarlierEntriesAreRolledBack() {
    String internal = unique("boot-internal");
    registry.registerInternal(internal, false);
    String first = unique("boot-first");

    assertThatThrownBy(() -> bootstrap.apply(first + ":" + token1 + "," + internal + ":" + token2))
        .hasMessageContaining("embedded runner");

    assertThat(runners.findByName(first)).isEmpty();
  }

  private static String token() {
    return "elr_" + java.util.UUID.randomUUID().toString().replace("-", "") + "_bootstrap";
  }

  private static String unique(String prefix) {
    return prefix + "-" + System.nanoTime();
  }
}
