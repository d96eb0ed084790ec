package org.ethoslab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.JobEvent;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.testsupport.ProtocolTestServer;
import org.ethoslab.runner.testsupport.RealServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real labs CLI ({@code labs/target/labs.jar}) through the real sandbox: the weak-to-strong example reduced to
 * one seed trains with DJL inside bubblewrap (natives from the runner's read-only DJL cache) and is graded by the
 * trusted phase; a hostile hook and a hook that does not compile get their verdicts.
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

  private final ObjectMapper json = new ObjectMapper();
  private ProtocolTestServer server;
  private EmbeddedRunner runner;

  @BeforeAll
  void startRunner() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(LABS_HOME.resolve("labs.jar")),
        "labs/target/labs.jar is missing: build it with mvn -B -pl labs package -DskipTests");
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
  void weakToStrongTrainsInTheSandboxAndIsGradedOutsideIt() throws Exception {
    server.enqueue(1, "w2s", "2", job(SOFT_VOTE));
    CompleteRequest done = server.awaitCompletion(1, JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("metrics").path("hooks.SoftVote.agreement").asDouble()).isEqualTo(1.0);
    assertThat(done.evaluation().path("metrics").has("pgr.median")).isTrue();
    assertThat(server.artifacts(1)).containsKey("w2s-manifest.json");
    assertThat(server.events(1)).extracting(JobEvent::type).contains("metric", "progress", "phase");
  }

  @Test
  void aHostileHookIsContainedAndReportedAsItsOwnError() throws Exception {
    server.enqueue(2, "w2s", "2", job(HOSTILE_SOFT_VOTE));
    CompleteRequest done = server.awaitCompletion(2, JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("hook escaped nothing").doesNotContain("\tat ");
    assertThat(done.evaluation() == null || done.evaluation().isNull()).as("no evaluation").isTrue();
  }

  @Test
  void aHookThatDoesNotCompileNamesItsLine() throws Exception {
    server.enqueue(3, "w2s", "2", job(SOFT_VOTE.replace("return mean;", "return mean")));
    CompleteRequest done = server.awaitCompletion(3, JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.COMPILE_ERROR);
    assertThat(done.message()).contains("SoftVote.java:");
  }

  private ObjectNode job(String softVote) throws Exception {
    ObjectNode example = (ObjectNode) json.readTree(LABS_HOME.resolveSibling("examples").resolve("w2s-default.json")
        .toFile());
    ObjectNode input = example.deepCopy();
    input.remove(List.of("jobId", "lab", "labVersion"));
    ((ObjectNode) input.get("params")).put("numSeeds", 1);
    input.putObject("hooks").put("SoftVote", softVote);
    ObjectNode resources = input.putObject("resources");
    resources.put("cpus", 1);
    resources.put("memoryMb", 2048);
    input.putObject("limits").put("wallSeconds", 180);
    return input;
  }
}
