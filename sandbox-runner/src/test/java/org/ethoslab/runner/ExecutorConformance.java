package org.ethoslab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ethoslab.runner.fixtures.HostileLab;
import org.ethoslab.runner.job.LabDistribution;
import org.ethoslab.runner.protocol.CompleteRequest;
import org.ethoslab.runner.protocol.JobEvent;
import org.ethoslab.runner.protocol.Outcome;
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
 * the whole runner (claim over HTTP, run, verdict, trusted evaluation, complete) with {@link HostileLab} in place
 * of the labs CLI. Subclasses pick the executor and add what only their isolation can promise.
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
    Path classes = Path.of(HostileLab.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    RunnerConfig config = new RunnerConfig(server.uri(), "test-token", executor() + "-suite", 2, target, workDir, 2,
        1024, executor().equals("process"), executor(), Optional.empty(), Duration.ofSeconds(20),
        Duration.ofSeconds(60), -1, List.of(), null)
        .withLab(LabDistribution.mainClass(List.of(classes), HostileLab.class.getName()));
    runner = new EmbeddedRunner(config);
    runner.start();
    assertThat(runner.status().isolation()).isEqualTo(expectedIsolation());
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
  void normalJobSucceedsAndIsGradedByTheTrustedPhase() throws Exception {
    long id = submit("none", Map.of());
    CompleteRequest done = server.awaitCompletion(id, JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("score").asInt()).isEqualTo(1);
    assertThat(server.artifacts(id)).containsKey("answer.txt");
    List<JobEvent> events = server.events(id);
    assertThat(events).extracting(JobEvent::type).contains("phase", "progress", "metric", "log");
    assertThat(events).extracting(JobEvent::seq).startsWith(1L, 2L, 3L);
    assertThat(done.lastSeq()).isEqualTo(events.get(events.size() - 1).seq());
  }

  @Test
  void compileErrorNamesFileAndLine() throws Exception {
    CompleteRequest done = run("compile-error", Map.of());
    assertThat(done.outcome()).isEqualTo(Outcome.COMPILE_ERROR);
    assertThat(done.message()).contains("SoftVote.java:12: ';' expected").doesNotContain("\tat ");
  }

  @Test
  void runtimeErrorCarriesTheTrimmedException() throws Exception {
    CompleteRequest done = run("exception", Map.of());
    assertThat(done.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("IllegalStateException: weights do not sum to 1").doesNotContain("\tat ");
  }

  @Test
  void badInputIsReportedAsSuch() throws Exception {
    CompleteRequest done = run("bad-input", Map.of());
    assertThat(done.outcome()).isEqualTo(Outcome.BAD_INPUT);
    assertThat(done.message()).contains("params.numSeeds");
  }

  @Test
  void heapPastTheLimitIsAMemoryVerdict() throws Exception {
    CompleteRequest done = run("heap", Map.of(), Map.of("memoryMb", 256, "heapMb", 64));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.MEMORY_LIMIT_EXCEEDED);
    assertThat(done.message()).contains("64 MB Java heap");
  }

  @Test
  void spinningPastTheCpuLimitIsACpuVerdict() throws Exception {
    CompleteRequest done = run("spin", Map.of(), Map.of("cpuSeconds", 2, "wallSeconds", 30));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.CPU_LIMIT_EXCEEDED);
    assertThat(done.message()).contains("more than 2 s of CPU time");
  }

  @Test
  void sleepingForeverHitsTheWallClock() throws Exception {
    CompleteRequest done = run("sleep", Map.of(), Map.of("wallSeconds", 3));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.TIME_LIMIT_EXCEEDED);
    assertThat(done.message()).contains("time limit of 3 s");
  }

  @Test
  void floodingStdoutHitsTheOutputCap() throws Exception {
    CompleteRequest done = run("flood", Map.of(), Map.of("outputBytes", 65536));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.OUTPUT_LIMIT_EXCEEDED);
    assertThat(done.message()).contains("more than 64 KB of output");
  }

  @Test
  void aForgedInternalErrorExitCostsAnAttemptInsteadOfAFreeRetry() throws Exception {
    CompleteRequest done = run("exit-1", Map.of());
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
  }

  @Test
  void aForgedSuccessExitWithoutResultsIsNotGraded() throws Exception {
    CompleteRequest done = run("exit-0-no-results", Map.of());
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("could not be graded", "answer.txt is missing");
  }

  @Test
  void cancelStopsTheRunAndSaysSo() throws Exception {
    long id = submit(nextJob.incrementAndGet(), "sleep", Map.of(), Map.of("wallSeconds", 60));
    long start = System.nanoTime();
    while (server.events(id).stream().noneMatch(e -> "run".equals(e.data().path("phase").asText()))) {
      Thread.sleep(50);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(JOB_TIMEOUT);
    }
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
    CompleteRequest done = run("none", Map.of());
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("score").asInt()).isEqualTo(1);
    assertThat(workDir.resolve("jobs")).isEmptyDirectory();
  }

  protected CompleteRequest run(String attack, Map<String, String> params) throws Exception {
    return run(nextJob.incrementAndGet(), attack, params, Map.of());
  }

  protected CompleteRequest run(String attack, Map<String, String> params, Map<String, Integer> limits)
      throws Exception {
    return run(nextJob.incrementAndGet(), attack, params, limits);
  }

  protected CompleteRequest run(long id, String attack, Map<String, String> params, Map<String, Integer> limits)
      throws Exception {
    submit(id, attack, params, limits);
    CompleteRequest done = server.awaitCompletion(id, JOB_TIMEOUT);
    assertThat(done.message()).isNotBlank().isNotEqualToIgnoringCase("failed");
    assertThat(server.completeCalls(id)).isEqualTo(1);
    return done;
  }

  protected long submit(String attack, Map<String, String> params) {
    return submit(nextJob.incrementAndGet(), attack, params, Map.of());
  }

  protected long submit(long id, String attack, Map<String, String> params, Map<String, Integer> limits) {
    ObjectNode input = json.createObjectNode();
    input.put("seed", 7);
    ObjectNode p = input.putObject("params");
    p.put("attack", attack);
    params.forEach(p::put);
    input.putObject("hooks").put("SoftVote", "public class SoftVote { }");
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
    server.enqueue(id, input);
    return id;
  }

}
