package org.ethoslab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.testsupport.ProtocolTestServer;
import org.junit.jupiter.api.Test;

/** At isolation NONE without the development flag, student code is refused in plain words; the rest still runs. */
class UnsandboxedRefusalIntegrationTests {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void studentCodeIsRefusedAndHealthSaysSo() throws Exception {
    try (ProtocolTestServer server = new ProtocolTestServer("t", 1 << 20)) {
            RunnerConfig config = new RunnerConfig(server.uri(), "t", "refusing", 1, Path.of("target"),
          Path.of("target", "refusal-work").toAbsolutePath(), 1, 512, false, "process", Optional.empty(),
          Duration.ofSeconds(20), Duration.ofSeconds(20), 0, List.of(), null)
          .withLab(ExecutorConformance.fixture());
      try (EmbeddedRunner runner = new EmbeddedRunner(config);
           HealthServer health = startAndServeHealth(runner)) {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + health.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(503);
        JsonNode body = json.readTree(reply.body());
        assertThat(body.path("status").asText()).isEqualTo("REFUSING_STUDENT_CODE");
        assertThat(body.path("isolation").asText()).isEqualTo("NONE");

        server.enqueue(1, input(true));
        CompleteRequest refused = server.awaitCompletion(1, Duration.ofSeconds(60));
        assertThat(refused.outcome()).isEqualTo(Outcome.INFRASTRUCTURE_ERROR);
        assertThat(refused.message()).contains("refuses to run student code", "Install bubblewrap",
            "--allow-unsandboxed");

        server.enqueue(2, input(false));
        CompleteRequest ran = server.awaitCompletion(2, Duration.ofSeconds(60));
        assertThat(ran.outcome()).as(ran.message()).isEqualTo(Outcome.SUCCEEDED);
      }
    }
  }

  private static HealthServer startAndServeHealth(EmbeddedRunner runner) throws Exception {
    runner.start();
    return new HealthServer(0, runner);
  }

  private ObjectNode input(boolean hooks) {
    ObjectNode input = json.createObjectNode();
    input.putObject("params").put("attack", "none");
    if (hooks) {
      input.putObject("hooks").put("SoftVote", "public class SoftVote { }");
    }
    input.putObject("hidden").put("answer", "42");
    input.putObject("resources").put("memoryMb", 256);
    return input;
  }
}
