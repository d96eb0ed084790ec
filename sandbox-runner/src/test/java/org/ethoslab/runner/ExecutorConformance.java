package org.ethoslab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ethoslab.contract.hook.HookFrame;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.JobEvent;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.hooks.host.HookHost;
import org.ethoslab.runner.fixtures.HostileHooks;
import org.ethoslab.runner.fixtures.HostileLab;
import org.ethoslab.runner.job.LabDistribution;
import org.ethoslab.runner.testsupport.ProtocolTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The verdicts every executor must give (GitLab Runner's buildtest idea: one suite, run against each executor):
 * the whole runner (claim over HTTP, the hook host loading the student's class, the trainer calling it over the
 * relayed channel, verdict, trusted evaluation, complete) with {@link HostileLab} in place of the labs CLI and the
 * real hook host serving the student's {@link HostileHooks}. Subclasses pick the executor and add what only their
 * isolation can promise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ExecutorConformance {

  protected static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
  protected final ObjectMapper json = new ObjectMapper();
  protected final AtomicInteger nextJob = new AtomicInteger(100);
  protected ProtocolTestServer server;
  protected EmbeddedRunner runner;
  protected Path workDir;

  /** {@code bubblewrap} or {@code process}. */
  protected abstract String executor();

  /** The isolation level the runner must detect. */
  protected abstract String expectedIsolation();

  /** Skips (or, in CI, fails) when what the executor needs is missing. */
  protected abstract void checkPrerequisites();

  @BeforeAll
  void startRunner() throws IOException {
    checkPrerequisites();
    Path target = Path.of("target").toAbsolutePath();
    workDir = target.resolve(executor() + "-conformance-work");
    server = new ProtocolTestServer("test-token", 1 << 20);
    server.leaseSeconds(3);
    RunnerConfig config = new RunnerConfig(server.uri(), "test-token", executor() + "-suite", 2, target, workDir, 2,
        1024, executor().equals("process"), executor(), Optional.empty(), Duration.ofSeconds(20),
        Duration.ofSeconds(60), -1, List.of(), null).withLab(fixture());
    runner = new EmbeddedRunner(config);
    runner.start();
    assertThat(runner.status().isolation()).isEqualTo(expectedIsolation());
    // a root runner whose work directory others cannot reach keeps its jobs elsewhere: find where
    workDir = runner.workDir();
  }

  /** {@link HostileLab} as the labs CLI; the hook host from the hook API's own code (jars or class folders). */
  static LabDistribution fixture() {
    Path fixtures = codeOf(HostileLab.class);
    List<Path> hookApi = List.of(codeOf(HookHost.class), codeOf(HookFrame.class));
    return LabDistribution.mainClass(List.of(fixtures, hookApi.get(0), hookApi.get(1)), HostileLab.class.getName(),
        hookApi);
  }

  static Path codeOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void stopRunner() {
    if (runner != null) {
      runner.stop();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void aNormalJobIsAnsweredByTheHookAndGradedByTheTrustedPhase() throws Exception {
    long id = submit(nextJob.incrementAndGet(), "none", Map.of(), Map.of(), HostileHooks.ANSWER_42);
    CompleteRequest done = server.awaitCompletion(id, JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("score").asInt()).isEqualTo(1);
    assertThat(done.evaluation().path("probe").asText()).as("the evaluator reached the hook too").isEqualTo("42");
    assertThat(server.artifacts(id)).containsKey("answer.txt");
    List<JobEvent> events = server.events(id);
    assertThat(events).extracting(JobEvent::type).contains("phase", "progress", "metric");
    assertThat(events).extracting(JobEvent::seq).startsWith(1L, 2L, 3L);
    assertThat(done.lastSeq()).isEqualTo(events.get(events.size() - 1).seq());
    assertThat(events).filteredOn(e -> e.data().path("phase").asText().equals("run"))
        .allSatisfy(e -> assertThat(e.data().path("channel").asText()).isEqualTo("runner"));
    // The lab claimed to speak for the runner: the channel it arrived on says otherwise.
    assertThat(events).filteredOn(e -> e.data().path("message").asText().contains("cannot speak for the runner"))
        .singleElement().satisfies(e -> {
          assertThat(e.data().path("channel").asText()).isEqualTo("lab");
          assertThat(e.data().has("source")).isFalse();
        });
  }

  @Test
  void aJobWithoutStudentCodeNeedsNoHookHost() throws Exception {
    CompleteRequest done = run("none", Map.of(), Map.of(), null);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("probe").asText()).isEqualTo("none");
  }

  @Test
  void compileErrorNamesFileAndLine() throws Exception {
    CompleteRequest done = run("none", Map.of(), Map.of(), HostileHooks.COMPILE_ERROR);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.COMPILE_ERROR);
    assertThat(done.message()).contains("SoftVote.java:3: ';' expected").doesNotContain("\tat ");
  }

  @Test
  void runtimeErrorCarriesTheTrimmedExceptionAndTheStudentsLine() throws Exception {
    CompleteRequest done = run("none", Map.of(), Map.of(), HostileHooks.THROWS);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("IllegalStateException: weights do not sum to 1 (SoftVote.java:3)")
        .doesNotContain("\tat ");
  }

  @Test
  void badInputIsReportedAsSuch() throws Exception {
    CompleteRequest done = run("bad-input", Map.of(), Map.of(), HostileHooks.ANSWER_42);
    assertThat(done.outcome()).isEqualTo(Outcome.BAD_INPUT);
    assertThat(done.message()).contains("params.numSeeds");
  }

  @Test
  void heapPastTheHookHostsLimitIsAMemoryVerdict() throws Exception {
    CompleteRequest done = run("none", Map.of(), Map.of(), HostileHooks.HEAP);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.MEMORY_LIMIT_EXCEEDED);
    assertThat(done.message()).contains("Your code needed more than its", "256 MB Java heap");
  }

  @Test
  void aHookThatNeverReturnsIsStoppedAtTheCallLimitAndNamed() throws Exception {
    CompleteRequest done = run("none", Map.of(), Map.of("hookCallSeconds", 3), HostileHooks.SLEEP);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.TIME_LIMIT_EXCEEDED);
    assertThat(done.message()).isEqualTo("Your hook SoftVote did not answer within 3 s (the limit of one call) and "
        + "was stopped.");
    CompleteRequest spin = run("none", Map.of(), Map.of("hookCallSeconds", 3), HostileHooks.SPIN);
    assertThat(spin.outcome()).as(spin.message()).isEqualTo(Outcome.TIME_LIMIT_EXCEEDED);
  }

  @Test
  void aRunPastItsWallTimeIsStopped() throws Exception {
    CompleteRequest done = run("sleep", Map.of(), Map.of("wallSeconds", 3), HostileHooks.ANSWER_42);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.TIME_LIMIT_EXCEEDED);
    assertThat(done.message()).contains("time limit of 3 s");
  }

  @Test
  void printingWithoutEndHitsTheOutputCap() throws Exception {
    CompleteRequest done = run("none", Map.of(), Map.of("outputBytes", 65536), HostileHooks.FLOOD);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.OUTPUT_LIMIT_EXCEEDED);
    assertThat(done.message()).contains("more than 64 KB of output");
  }

  @Test
  void aHookThatEndsItsProcessCostsAnAttempt() throws Exception {
    CompleteRequest done = run("none", Map.of(), Map.of(), HostileHooks.EXIT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("Your code ended its process (exit code 1)");
  }

  @Test
  void writingOnTheHookChannelIsTheStudentsOwnFailure() throws Exception {
    CompleteRequest done = run("none", Map.of(), Map.of(), HostileHooks.CHANNEL_WRITE);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
  }

  @Test
  void theLabsOwnInternalErrorIsRetriedAndNeverCharged() throws Exception {
    long id = nextJob.incrementAndGet();
    CompleteRequest done = run(id, "exit-1", Map.of(), Map.of(), HostileHooks.ANSWER_42);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.INFRASTRUCTURE_ERROR);
    assertThat(done.message()).contains("The lab failed internally");
    assertThat(server.events(id)).anySatisfy(e -> assertThat(e.data().path("message").asText())
        .startsWith("The platform failed (").endsWith("trying again."));
  }

  @Test
  void aRunWithoutResultsIsNotGradedAndCostsTheAttempt() throws Exception {
    CompleteRequest done = run("no-results", Map.of(), Map.of(), HostileHooks.ANSWER_42);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("could not be graded", "answer.txt is missing");
  }

  @Test
  void aForgedRunnerEventArrivesAsTheStudentsOwnLogLine() throws Exception {
    long id = nextJob.incrementAndGet();
    CompleteRequest done = run(id, "none", Map.of(), Map.of(), HostileHooks.FORGED_EVENT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    List<JobEvent> events = server.events(id);
    // printed once per call: in the run and again when the evaluator asked its probe
    assertThat(events).filteredOn(e -> e.data().path("message").asText().contains("100/100")).isNotEmpty()
        .allSatisfy(e -> {
          assertThat(e.type()).isEqualTo("log");
          assertThat(e.data().path("channel").asText()).isEqualTo("student");
        });
    assertThat(events).filteredOn(e -> e.type().equals("phase"))
        .noneSatisfy(e -> assertThat(e.data().path("message").asText()).contains("100/100"));
  }

  @Test
  void aShutdownHookCannotForgeTheResults() throws Exception {
    long id = nextJob.incrementAndGet();
    String trusted = workDir.resolve("jobs/job-" + id + "-a1-t0/trusted/job.json").toString();
    CompleteRequest done = run(id, "none", Map.of(), Map.of(), HostileHooks.shutdownHookForgery(trusted));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("given").asText()).isEqualTo("42");
    assertThat(done.evaluation().path("score").asInt()).isEqualTo(1);
  }

  @Test
  void theHookHostHasNoLabNoRunnerAndNoReferenceOnItsClassPath() throws Exception {
    long id = nextJob.incrementAndGet();
    CompleteRequest done = run(id, "none", Map.of(), Map.of(), HostileHooks.REFLECTION);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("given").asText()).isEqualTo("42");
    assertThat(server.events(id)).noneSatisfy(e -> assertThat(e.data().path("message").asText())
        .contains("ESCAPED"));
  }

  @Test
  void cancelStopsTheRunAndSaysSo() throws Exception {
    long id = submit(nextJob.incrementAndGet(), "sleep", Map.of(), Map.of("wallSeconds", 60),
        HostileHooks.ANSWER_42);
    awaitPhase(id, "run");
    server.cancel(id);
    CompleteRequest done = server.awaitCompletion(id, Duration.ofSeconds(20));
    assertThat(done.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(done.message()).isEqualTo("The run was cancelled before it finished.");
  }

  @Test
  @Order(99)
  void afterEveryAttackTheRunnerIsUpAndANormalJobSucceeds() throws Exception {
    assertThat(runner.status()).isNotNull();
    assertThat(runner.status().lastError()).isNull();
    CompleteRequest done = run("none", Map.of(), Map.of(), HostileHooks.ANSWER_42);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("score").asInt()).isEqualTo(1);
    assertThat(workDir.resolve("jobs")).isEmptyDirectory();
  }

  protected void awaitPhase(long id, String phase) throws InterruptedException {
    long start = System.nanoTime();
    while (server.events(id).stream().noneMatch(e -> phase.equals(e.data().path("phase").asText()))) {
      Thread.sleep(50);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(JOB_TIMEOUT);
    }
  }

  protected CompleteRequest run(String attack, Map<String, String> params, Map<String, Integer> limits, String hook)
      throws Exception {
    return run(nextJob.incrementAndGet(), attack, params, limits, hook);
  }

  protected CompleteRequest run(long id, String attack, Map<String, String> params, Map<String, Integer> limits,
                                String hook) throws Exception {
    submit(id, attack, params, limits, hook);
    CompleteRequest done = server.awaitCompletion(id, JOB_TIMEOUT);
    assertThat(done.message()).isNotBlank().isNotEqualToIgnoringCase("failed");
    assertThat(server.completeCalls(id)).isEqualTo(1);
    return done;
  }

  /** Queues a job of the fixture lab; {@code hook} is the student's SoftVote source, or null for none. */
  protected long submit(long id, String attack, Map<String, String> params, Map<String, Integer> limits,
                        String hook) {
    ObjectNode input = json.createObjectNode();
    input.put("seed", 7);
    ObjectNode p = input.putObject("params");
    p.put("attack", attack);
    params.forEach(p::put);
    if (hook != null) {
      input.putObject("hooks").put("SoftVote", hook);
    }
    input.putObject("rubric");
    input.putObject("hidden").put("answer", "42");
    ObjectNode l = input.putObject("limits");
    l.put("wallSeconds", 20);
    l.put("heapMb", 96);
    l.put("maxProcesses", 128);
    l.put("outputBytes", 1 << 20);
    limits.forEach(l::put);
    ObjectNode resources = input.putObject("resources");
    resources.put("memoryMb", limits.getOrDefault("memoryMb", 256));
    server.enqueue(id, "hostile", "1", input);
    return id;
  }
}
