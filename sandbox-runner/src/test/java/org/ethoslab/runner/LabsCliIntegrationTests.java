package org.ethoslab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.JobEvent;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.fixtures.RealLabHooks;
import org.ethoslab.runner.testsupport.ProtocolTestServer;
import org.ethoslab.runner.testsupport.RealServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real labs ({@code labs/target}) through the real sandboxes, each lab attacked as a student would: the trainer
 * trains with DJL in its sandbox (natives and models from the runner's read-only caches), the student's hooks answer
 * from the hook host's, the trusted phase grades. A shutdown hook cannot forge what is graded, a hook cannot reach
 * the lab's classes or references, and answers that are not finite, of the wrong shape or too big end as the
 * student's runtime error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabsCliIntegrationTests {

  private static final Path LABS_HOME = Path.of("..", "labs", "target").toAbsolutePath().normalize();
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicInteger nextJob = new AtomicInteger();
  private ProtocolTestServer server;
  private EmbeddedRunner runner;

  @BeforeAll
  void startRunner() throws Exception {
    RealServices.requireLabsBuild(LABS_HOME);
    RealServices.requireBubblewrap();
    server = new ProtocolTestServer("labs-token", 64 << 20);
    RunnerConfig config = new RunnerConfig(server.uri(), "labs-token", "labs-suite", 1, LABS_HOME,
        Path.of("target", "labs-work").toAbsolutePath(), 1, 2048, false, "auto", Optional.empty(),
        Duration.ofMinutes(3), Duration.ofMinutes(5), -1, List.of(), null);
    runner = new EmbeddedRunner(config);
    runner.start();
    assertThat(runner.status().studentCode()).as(runner.status().isolationDetail()).isTrue();
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
  void theRunnerPublishedEveryLabsSpec() {
    assertThat(server.published()).extracting(s -> s.id() + "@" + s.version())
        .containsExactlyInAnyOrder("w2s@2", "mergealign@2", "prefopt@2");
  }

  @Test
  void weakToStrongTrainsInTheSandboxAndIsGradedOutsideIt() throws Exception {
    long id = submit("w2s", w2s(Map.of("SoftVote", RealLabHooks.SOFT_VOTE)));
    CompleteRequest done = server.awaitCompletion(id, JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("metrics").path("hooks.SoftVote.agreement").asDouble()).isEqualTo(1.0);
    assertThat(done.evaluation().path("metrics").has("pgr.median")).isTrue();
    assertThat(server.artifacts(id)).containsKey("w2s-manifest.json").doesNotContainKey("hook-probes.json");
    assertThat(server.events(id)).extracting(JobEvent::type).contains("metric", "progress", "phase");
  }

  @Test
  void aWrongHookWithAShutdownHookForgerScoresNothingForItsHooks() throws Exception {
    long id = submit("w2s", w2s(Map.of("SoftVote", RealLabHooks.WRONG_SOFT_VOTE_WITH_FORGERY)));
    CompleteRequest done = server.awaitCompletion(id, JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    JsonNode checks = done.evaluation().path("checks");
    assertThat(checks.get(0).path("id").asText()).isEqualTo("hooks-match");
    assertThat(checks.get(0).path("earned").asDouble()).isZero();
    assertThat(done.evaluation().path("metrics").path("hooks.SoftVote.agreement").asDouble()).isLessThan(0.5);
    assertThat(server.events(id)).filteredOn(e -> e.data().path("message").asText().startsWith("wrote "))
        .as("the shutdown hook wrote nothing the trainer or the evaluator reads").isEmpty();
    assertThat(server.events(id)).filteredOn(e -> e.data().path("message").asText().startsWith("refused /job/out"))
        .as("its attempts are the student's own log lines").isNotEmpty()
        .allSatisfy(e -> assertThat(e.data().path("channel").asText()).isEqualTo("student"));
  }

  @Test
  void aHookCannotCallTheReferenceOrEscapeItsSandbox() throws Exception {
    CompleteRequest reference = server.awaitCompletion(submit("w2s", w2s(Map.of("SoftVote",
        RealLabHooks.SOFT_VOTE_CALLING_THE_REFERENCE))), JOB_TIMEOUT);
    assertThat(reference.outcome()).as(reference.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(reference.message()).contains("ClassNotFoundException", "SoftVoteReference", "SoftVote.java:");
    CompleteRequest hostile = server.awaitCompletion(submit("w2s", w2s(Map.of("SoftVote", RealLabHooks.HOSTILE_SOFT_VOTE))),
        JOB_TIMEOUT);
    assertThat(hostile.outcome()).as(hostile.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(hostile.message()).contains("hook escaped nothing").doesNotContain("\tat ");
    assertThat(hostile.evaluation() == null || hostile.evaluation().isNull()).as("no evaluation").isTrue();
  }

  @Test
  void answersThatAreNotFiniteOrTooBigAreTheStudentsRuntimeError() throws Exception {
    CompleteRequest nan = server.awaitCompletion(submit("w2s", w2s(Map.of("SoftVote", RealLabHooks.NAN_SOFT_VOTE))), JOB_TIMEOUT);
    assertThat(nan.outcome()).as(nan.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(nan.message()).contains("SoftVote must return 2 non-negative probabilities summing to 1", "NaN");
    CompleteRequest huge = server.awaitCompletion(submit("w2s", w2s(Map.of("SoftVote", RealLabHooks.HUGE_SOFT_VOTE))),
        JOB_TIMEOUT);
    assertThat(huge.outcome()).as(huge.message()).isIn(Outcome.RUNTIME_ERROR, Outcome.MEMORY_LIMIT_EXCEEDED);
    assertThat(huge.message()).containsAnyOf("a hook may return at most", "MB of memory");
  }

  @Test
  void aHookThatDoesNotCompileNamesItsLine() throws Exception {
    CompleteRequest done = server.awaitCompletion(submit("w2s", w2s(Map.of("SoftVote", RealLabHooks.SOFT_VOTE.replace(
        "return mean;", "return mean")))), JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.COMPILE_ERROR);
    assertThat(done.message()).contains("SoftVote.java:9: ';' expected");
  }

  @Test
  void mergeAlignGradesTheMergeTheTrainerWroteNotWhatAShutdownHookWrote() throws Exception {
    long id = submit("mergealign", mergeAlign(Map.of("TaskArithmetic", RealLabHooks.TASK_ARITHMETIC)));
    CompleteRequest done = server.awaitCompletion(id, JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    JsonNode metrics = done.evaluation().path("metrics");
    assertThat(metrics.path("hooks.TaskArithmetic.agreement").asDouble()).isEqualTo(1.0);
    assertThat(metrics.path("hooks.Ties.agreement").asDouble()).as("not submitted").isZero();
    assertThat(metrics.path("merged.domain").isNumber()).isTrue();
    assertThat(server.artifacts(id)).containsKey("merged.bin");
    assertThat(new String(server.artifacts(id).get("merged.bin"), 0, 6)).isNotEqualTo("forged");
  }

  @Test
  void aCraftedOrNotFiniteMergeIsTheStudentsRuntimeError() throws Exception {
    CompleteRequest crafted = server.awaitCompletion(submit("mergealign", mergeAlign(Map.of("TaskArithmetic",
        RealLabHooks.CRAFTED_TREE))), JOB_TIMEOUT);
    assertThat(crafted.outcome()).as(crafted.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(crafted.message()).contains("TaskArithmetic returned a tree unlike the base");
    CompleteRequest nan = server.awaitCompletion(submit("mergealign", mergeAlign(Map.of("TaskArithmetic",
        RealLabHooks.NAN_TREE))), JOB_TIMEOUT);
    assertThat(nan.outcome()).as(nan.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(nan.message()).contains("holds NaN");
  }

  @Test
  void preferenceOptimizationTrainsWithTheStudentsLossAndRefusesNaN() throws Exception {
    CompleteRequest done = server.awaitCompletion(submit("prefopt", prefopt(Map.of("DpoLoss", RealLabHooks.DPO))), JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("metrics").path("hooks.DpoLoss.agreement").asDouble()).isEqualTo(1.0);
    CompleteRequest nan = server.awaitCompletion(submit("prefopt", prefopt(Map.of("DpoLoss", RealLabHooks.NAN_DPO))), JOB_TIMEOUT);
    assertThat(nan.outcome()).as(nan.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(nan.message()).contains("DpoLoss returned", "must be finite numbers");
    CompleteRequest reference = server.awaitCompletion(submit("prefopt", prefopt(Map.of("DpoLoss",
        RealLabHooks.DPO_CALLING_THE_REFERENCE))), JOB_TIMEOUT);
    assertThat(reference.outcome()).as(reference.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(reference.message()).contains("ClassNotFoundException", "ReferenceLoss");
  }

  private long submit(String lab, ObjectNode input) {
    long id = nextJob.incrementAndGet();
    server.enqueue(id, lab, "2", input);
    return id;
  }

  private ObjectNode w2s(Map<String, String> hooks) throws Exception {
    ObjectNode input = example("w2s-default.json", hooks);
    ((ObjectNode) input.get("params")).put("numSeeds", 1);
    return input;
  }

  private ObjectNode mergeAlign(Map<String, String> hooks) throws Exception {
    ObjectNode input = example("mergealign-default.json", hooks);
    ((ObjectNode) input.get("params")).put("method", "task_arithmetic").put("models", "tiny").put("sweepPoints", 2)
        .put("evalQuestions", 20).put("evalPrompts", 10);
    return input;
  }

  private ObjectNode prefopt(Map<String, String> hooks) throws Exception {
    ObjectNode input = example("prefopt-default.json", hooks);
    ((ObjectNode) input.get("params")).put("loss", "dpo").put("compare", "none").put("steps", 6).put("batchSize", 8)
        .put("pairs", 64).put("evalPrompts", 20);
    return input;
  }

  private ObjectNode example(String file, Map<String, String> hooks) throws Exception {
    ObjectNode example = (ObjectNode) json.readTree(LABS_HOME.resolveSibling("examples").resolve(file).toFile());
    ObjectNode input = example.deepCopy();
    input.remove(List.of("jobId", "lab", "labVersion"));
    ObjectNode h = input.putObject("hooks");
    hooks.forEach(h::put);
    ObjectNode resources = input.putObject("resources");
    resources.put("cpus", 1);
    resources.put("memoryMb", 2048);
    input.putObject("limits").put("wallSeconds", 180);
    return input;
  }
}
