package org.ethoslab.app.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.queue.JobEventLog;
import org.ethoslab.app.queue.JobSubmission;
import org.ethoslab.app.queue.LabJob;
import org.ethoslab.app.queue.LabJobService;
import org.ethoslab.app.queue.LabJobState;
import org.ethoslab.app.runnerapi.Runner;
import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.ethoslab.contract.runner.Outcome;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The default profile's promise: the app starts its own runner, which claims a real W2S job over HTTP, runs the labs
 * CLI (in bubblewrap where it works), evaluates it in the trusted phase and completes it. Needs {@code labs.jar}
 * (built by {@code mvn package} before the app's tests in the reactor).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.address=127.0.0.1",
    "ethoslab.runner.embedded.enabled=true",
    "ethoslab.runner.embedded.labs-home=../labs/target",
    "ethoslab.runner.embedded.work-dir=target/embedded-runner",
    "ethoslab.queue.artifact-dir=target/embedded-runner-artifacts"})
class EmbeddedRunnerIntegrationTests {

  private static final Path LABS_JAR = Path.of("../labs/target/labs.jar");

  @Autowired
  LabJobService service;
  @Autowired
  JobEventLog events;
  @Autowired
  RunnerRegistry registry;
  @Autowired
  EmbeddedRunnerLauncher launcher;
  @Autowired
  EmbeddedRunnerHealth health;
  @Autowired
  AccountService accounts;

  @BeforeAll
  static void labsBuilt() {
    Assumptions.assumeTrue(Files.isRegularFile(LABS_JAR), "Skipped: " + LABS_JAR.toAbsolutePath()
        + " is missing; build the labs first (mvn -B -q -pl labs package -DskipTests)");
  }

  @Test
  void theEmbeddedRunnerRunsARealLabJobToASucceededVerdict() throws Exception {
    ObjectNode input = new ObjectMapper().createObjectNode().put("lab", "w2s").put("labVersion", "2").put("seed", 7);
    input.putObject("params").put("task", "safety").put("numSeeds", 1).put("numTeachers", 1).put("voting", "soft");
    input.putObject("resources").put("cpus", 1).put("memoryMb", 1024).put("device", "cpu");
    input.putObject("hidden").put("evalSeed", 987654);
    long student = accounts.register("embedded-runner-student@example.org", "Student", "correct horse battery staple",
        Role.STUDENT).getId();
    LabJob job = service.submit(JobSubmission.of("w2s", "2", input, student, null));

    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    LabJob current = service.find(job.getId());
    while (!current.getState().terminal() && Instant.now().isBefore(deadline)) {
      assertThat(launcher.startFailure()).as("embedded runner start").isEmpty();
      Thread.sleep(250);
      current = service.find(job.getId());
    }
    assertThat(current.getState()).as("%s: %s", current.getOutcome(), current.getMessage())
        .isEqualTo(LabJobState.SUCCEEDED);
    assertThat(current.getOutcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(current.getEvaluation()).isNotBlank();
    assertThat(current.getStartedAt()).isNotNull();
    assertThat(events.after(job.getId(), current.getAttempt(), 0)).isNotEmpty();

    Runner embedded = registry.all().stream().filter(Runner::isInternalRunner).findFirst().orElseThrow();
    assertThat(embedded.getLastSeenAt()).isNotNull();
    assertThat(embedded.getIsolation()).isIn("FULL", "NAMESPACES_ONLY", "NONE");
    assertThat(embedded.isAllowUnsandboxed())
        .as("loopback alone does not allow unsandboxed student code: ETHOSLAB_RUNNER_ALLOW_UNSANDBOXED is not set")
        .isFalse();
    assertThat(launcher.unsandboxedAllowed()).isFalse();
    assertThat(launcher.status()).isPresent();
    assertThat(health.health().getDetails()).containsEntry("isolation", embedded.getIsolation());
    assertThat(launcher.studentCodeRunsUnsandboxed()).as("never without the explicit setting").isFalse();
    assertThat(launcher.studentCodeRefused()).isEqualTo("NONE".equals(embedded.getIsolation()));
    assertThat(service.find(job.getId()).getRunnerIsolation()).isEqualTo(embedded.getIsolation());
  }
}
