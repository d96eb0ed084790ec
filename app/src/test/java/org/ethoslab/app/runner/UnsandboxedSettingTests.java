package org.ethoslab.app.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ethoslab.runner.loop.RunnerStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** When student code may run without a sandbox, and what lab pages are told about it. */
class UnsandboxedSettingTests {

  @Test
  void onlyLoopbackTogetherWithTheExplicitSettingAllowsIt() {
    assertThat(EmbeddedRunnerLauncher.allowsUnsandboxed("127.0.0.1", true)).isTrue();
    assertThat(EmbeddedRunnerLauncher.allowsUnsandboxed("::1", true)).isTrue();
    assertThat(EmbeddedRunnerLauncher.allowsUnsandboxed("127.0.0.1", false))
        .as("loopback alone: a reverse proxy on the same host makes it public").isFalse();
    assertThat(EmbeddedRunnerLauncher.allowsUnsandboxed("0.0.0.0", true)).isFalse();
    assertThat(EmbeddedRunnerLauncher.allowsUnsandboxed(null, true)).as("no address: every interface").isFalse();
    assertThat(EmbeddedRunnerLauncher.allowsUnsandboxed("192.0.2.7", true)).isFalse();
  }

  @Test
  void theSettingIsReadFromTheEnvironmentVariableTheDocsName() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        Map.of("ETHOSLAB_RUNNER_ALLOW_UNSANDBOXED", "true")));
    ConfigurationPropertySources.attach(environment);

    assertThat(environment.getProperty(EmbeddedRunnerLauncher.ALLOW_UNSANDBOXED, Boolean.class, false)).isTrue();
  }

  @Test
  void labPagesAreToldWhetherCodeRunsUnsandboxedOrIsRefused() {
    assertThat(notice(status("NONE", true)).studentCodeUnsandboxed()).isTrue();
    assertThat(notice(status("NONE", true)).studentCodeRefused()).isFalse();
    assertThat(notice(status("NONE", false)).studentCodeRefused()).isTrue();
    assertThat(notice(status("NONE", false)).studentCodeUnsandboxed()).isFalse();
    assertThat(notice(status("FULL", true)).studentCodeUnsandboxed()).isFalse();
    assertThat(notice(status("FULL", true)).studentCodeRefused()).isFalse();
    assertThat(notice(Optional.empty()).studentCodeRefused()).as("still starting").isFalse();
  }

  private static Optional<RunnerStatus> status(String isolation, boolean studentCode) {
    return Optional.of(new RunnerStatus(isolation, "test", studentCode, 1, List.of(), 0, null, Instant.now()));
  }

  private static UnsandboxedNotice notice(Optional<RunnerStatus> status) {
    EmbeddedRunnerLauncher launcher = new EmbeddedRunnerLauncher(null,
        new EmbeddedRunnerProperties(true, "embedded", 1, "labs/target", "data/runner"), new MockEnvironment()) {
      @Override
      public Optional<RunnerStatus> status() {
        return status;
      }
    };
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("launcher", launcher);
    return new UnsandboxedNotice(beans.getBeanProvider(EmbeddedRunnerLauncher.class));
  }
}
