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
  private static final String SOFT_VOTE = """
      public class SoftVote implements org.ethoslab.hooks.w2s.Voting {
        public double[] combine(double[][] p) {
          double[] mean = new double[p[0].length];
          for (double[] teacher : p) {
            for (int c = 0; c < mean.length; c++) {
              mean[c] += teacher[c] / p.length;
            }
          }
          return mean;
        }
      }
      """;
  /** Wrong on purpose (always class 0), plus a shutdown hook that tries to overwrite every graded file. */
  private static final String WRONG_SOFT_VOTE_WITH_FORGERY = """
      public class SoftVote implements org.ethoslab.hooks.w2s.Voting {
        static {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (String f : new String[] {"/job/out/w2s.params", "/job/out/ceiling.params",
                "/job/out/hook-probes.json"}) {
              try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(f), "forged");
                System.out.println("wrote " + f);
              } catch (Exception e) {
                System.out.println("refused " + f + ": " + e);
              }
            }
          }));
        }
        public double[] combine(double[][] p) {
          double[] out = new double[p[0].length];
          out[0] = 1;
          return out;
        }
      }
      """;
  private static final String SOFT_VOTE_CALLING_THE_REFERENCE = """
      public class SoftVote implements org.ethoslab.hooks.w2s.Voting {
        public double[] combine(double[][] p) {
          try {
            Object reference = Class.forName("org.ethoslab.labs.w2s.SoftVoteReference").getDeclaredConstructor()
                .newInstance();
            return ((org.ethoslab.hooks.w2s.Voting) reference).combine(p);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the reference is out of reach: " + e);
          }
        }
      }
      """;
  private static final String HOSTILE_SOFT_VOTE = """
      public class SoftVote implements org.ethoslab.hooks.w2s.Voting {
        public double[] combine(double[][] p) {
          try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("/job/out/w2s-manifest.json"), "{\\"forged\\":1}");
            new java.net.Socket("1.1.1.1", 53).close();
            return new double[] {java.nio.file.Files.readString(java.nio.file.Path.of("/etc/passwd")).length()};
          } catch (java.io.IOException e) {
            throw new IllegalStateException("hook escaped nothing: " + e);
          }
        }
      }
      """;
  private static final String NAN_SOFT_VOTE = SOFT_VOTE.replace("return mean;", "return new double[] {Double.NaN, 1};");
  private static final String HUGE_SOFT_VOTE = SOFT_VOTE.replace("return mean;", "return new double[8_000_000];");
  private static final String TASK_ARITHMETIC = """
      import java.util.*;
      import org.ethoslab.hooks.ParameterTree;
      import org.ethoslab.hooks.merging.MergeSettings;
      public class TaskArithmetic implements org.ethoslab.hooks.merging.MergeMethod {
        static {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              java.nio.file.Files.writeString(java.nio.file.Path.of("/job/out/merged.bin"), "forged");
            } catch (Exception e) {
              System.out.println("refused: " + e);
            }
          }));
        }
        public ParameterTree merge(ParameterTree base, List<ParameterTree> models, MergeSettings s) {
          for (ParameterTree m : models) base.requireSameLayout(m, "model");
          Map<String, ParameterTree.Tensor> out = new LinkedHashMap<>();
          for (String name : base.names()) {
            float[] b = base.get(name).values();
            float[] v = new float[b.length];
            for (int j = 0; j < b.length; j++) {
              double sum = 0;
              for (int i = 0; i < models.size(); i++) sum += s.weight(i) * (models.get(i).get(name).values()[j] - b[j]);
              v[j] = (float) (b[j] + s.lambda() * sum);
            }
            out.put(name, base.get(name).withValues(v));
          }
          return new ParameterTree(out);
        }
      }
      """;
  private static final String CRAFTED_TREE = TASK_ARITHMETIC.replace("out.put(name, base.get(name).withValues(v));",
      "out.put(name + \"-crafted\", base.get(name).withValues(v));");
  private static final String NAN_TREE = TASK_ARITHMETIC.replace("v[j] = (float) (b[j] + s.lambda() * sum);",
      "v[j] = Float.NaN;");
  private static final String NAN_DPO = """
      public class DpoLoss implements org.ethoslab.hooks.prefopt.PreferenceLoss {
        public org.ethoslab.hooks.prefopt.LossTerms loss(double rw, double rl, int lw, int ll, double b, double e) {
          return new org.ethoslab.hooks.prefopt.LossTerms(Double.NaN, 0, 0);
        }
      }
      """;
  private static final String DPO_CALLING_THE_REFERENCE = """
      public class DpoLoss implements org.ethoslab.hooks.prefopt.PreferenceLoss {
        public org.ethoslab.hooks.prefopt.LossTerms loss(double rw, double rl, int lw, int ll, double b, double e) {
          try {
            Class<?> reference = Class.forName("org.ethoslab.labs.prefopt.ReferenceLoss");
            return null;
          } catch (ClassNotFoundException x) {
            throw new IllegalStateException("no reference here: " + x);
          }
        }
      }
      """;
  private static final String DPO = """
      public class DpoLoss implements org.ethoslab.hooks.prefopt.PreferenceLoss {
        public org.ethoslab.hooks.prefopt.LossTerms loss(double rw, double rl, int lw, int ll, double b, double e) {
          double z = b * (rw - rl);
          double sig = 1 / (1 + Math.exp(z));
          double value = z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
          return new org.ethoslab.hooks.prefopt.LossTerms(value, -b * sig, b * sig);
        }
      }
      """;

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
    long id = submit("w2s", w2s(Map.of("SoftVote", SOFT_VOTE)));
    CompleteRequest done = server.awaitCompletion(id, JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("metrics").path("hooks.SoftVote.agreement").asDouble()).isEqualTo(1.0);
    assertThat(done.evaluation().path("metrics").has("pgr.median")).isTrue();
    assertThat(server.artifacts(id)).containsKey("w2s-manifest.json").doesNotContainKey("hook-probes.json");
    assertThat(server.events(id)).extracting(JobEvent::type).contains("metric", "progress", "phase");
  }

  @Test
  void aWrongHookWithAShutdownHookForgerScoresNothingForItsHooks() throws Exception {
    long id = submit("w2s", w2s(Map.of("SoftVote", WRONG_SOFT_VOTE_WITH_FORGERY)));
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
        SOFT_VOTE_CALLING_THE_REFERENCE))), JOB_TIMEOUT);
    assertThat(reference.outcome()).as(reference.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(reference.message()).contains("ClassNotFoundException", "SoftVoteReference", "SoftVote.java:");
    CompleteRequest hostile = server.awaitCompletion(submit("w2s", w2s(Map.of("SoftVote", HOSTILE_SOFT_VOTE))),
        JOB_TIMEOUT);
    assertThat(hostile.outcome()).as(hostile.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(hostile.message()).contains("hook escaped nothing").doesNotContain("\tat ");
    assertThat(hostile.evaluation() == null || hostile.evaluation().isNull()).as("no evaluation").isTrue();
  }

  @Test
  void answersThatAreNotFiniteOrTooBigAreTheStudentsRuntimeError() throws Exception {
    CompleteRequest nan = server.awaitCompletion(submit("w2s", w2s(Map.of("SoftVote", NAN_SOFT_VOTE))), JOB_TIMEOUT);
    assertThat(nan.outcome()).as(nan.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(nan.message()).contains("SoftVote must return 2 non-negative probabilities summing to 1", "NaN");
    CompleteRequest huge = server.awaitCompletion(submit("w2s", w2s(Map.of("SoftVote", HUGE_SOFT_VOTE))),
        JOB_TIMEOUT);
    assertThat(huge.outcome()).as(huge.message()).isIn(Outcome.RUNTIME_ERROR, Outcome.MEMORY_LIMIT_EXCEEDED);
    assertThat(huge.message()).containsAnyOf("a hook may return at most", "MB of memory");
  }

  @Test
  void aHookThatDoesNotCompileNamesItsLine() throws Exception {
    CompleteRequest done = server.awaitCompletion(submit("w2s", w2s(Map.of("SoftVote", SOFT_VOTE.replace(
        "return mean;", "return mean")))), JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.COMPILE_ERROR);
    assertThat(done.message()).contains("SoftVote.java:9: ';' expected");
  }

  @Test
  void mergeAlignGradesTheMergeTheTrainerWroteNotWhatAShutdownHookWrote() throws Exception {
    long id = submit("mergealign", mergeAlign(Map.of("TaskArithmetic", TASK_ARITHMETIC)));
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
        CRAFTED_TREE))), JOB_TIMEOUT);
    assertThat(crafted.outcome()).as(crafted.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(crafted.message()).contains("TaskArithmetic returned a tree unlike the base");
    CompleteRequest nan = server.awaitCompletion(submit("mergealign", mergeAlign(Map.of("TaskArithmetic",
        NAN_TREE))), JOB_TIMEOUT);
    assertThat(nan.outcome()).as(nan.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(nan.message()).contains("holds NaN");
  }

  @Test
  void preferenceOptimizationTrainsWithTheStudentsLossAndRefusesNaN() throws Exception {
    CompleteRequest done = server.awaitCompletion(submit("prefopt", prefopt(Map.of("DpoLoss", DPO))), JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("metrics").path("hooks.DpoLoss.agreement").asDouble()).isEqualTo(1.0);
    CompleteRequest nan = server.awaitCompletion(submit("prefopt", prefopt(Map.of("DpoLoss", NAN_DPO))), JOB_TIMEOUT);
    assertThat(nan.outcome()).as(nan.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(nan.message()).contains("DpoLoss returned", "must be finite numbers");
    CompleteRequest reference = server.awaitCompletion(submit("prefopt", prefopt(Map.of("DpoLoss",
        DPO_CALLING_THE_REFERENCE))), JOB_TIMEOUT);
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
