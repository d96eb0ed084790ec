package org.ethoslab.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.ethoslab.app.testsupport.PostgresTestDatabase;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The per-offering artifact budget on real PostgreSQL, through the runner API: an upload that would take an offering
 * past {@code ethoslab.queue.offering-artifact-budget-mb} (1 MB here) gets 413 with a message for the student, nothing
 * of it is stored, and the run still completes and is graded; other offerings keep their own budget. Skipped (failed
 * in CI) when no PostgreSQL answers on 127.0.0.1:5432.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ethoslab.runner.embedded.enabled=false",
    "ethoslab.queue.claim-wait=2s",
    "ethoslab.queue.reaper-interval=1h",
    "ethoslab.queue.max-running-per-user=5",
    "ethoslab.queue.max-running-per-course=5",
    "ethoslab.queue.artifact-max-bytes=700000",
    "ethoslab.queue.offering-artifact-budget-mb=1",
    "ethoslab.queue.artifact-dir=target/budget-test-artifacts"})
@Import(QueueActors.class)
class ArtifactBudgetIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USED_UP = "This course's storage for run results (1 MB) is used up; the run is graded, "
      + "but its files are not kept. Ask your instructor.";

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.shared().registerWith(registry);
  }

  @LocalServerPort
  int port;
  @Autowired
  RunnerRegistry registry;
  @Autowired
  LabJobService service;
  @Autowired
  JobLeases leases;
  @Autowired
  ArtifactStore artifacts;
  @Autowired
  QueueActors actors;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private QueueFixture queue;
  private RunnerRegistry.IssuedToken runner;

  @BeforeEach
  void emptyQueueAndARunner() {
    queue = new QueueFixture(service, leases, jdbc, actors);
    queue.emptyQueue();
    runner = registry.register("budget-" + System.nanoTime());
  }

  @Test
  void pastTheBudgetAnUploadIsRefusedWithAMessageForTheStudentNothingIsKeptAndTheRunIsGraded() throws Exception {
    LabJob first = leased(queue.submit(1, 1L));
    assertThat(upload(first, "weights.bin", bytes(600_000, 1), true).statusCode()).isEqualTo(200);

    LabJob second = leased(queue.submit(2, 1L));
    byte[] tooMuch = bytes(600_000, 2);
    HttpResponse<String> declared = upload(second, "weights.bin", tooMuch, true);
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(declared.body()).get("error").asText()).isEqualTo(USED_UP);
    HttpResponse<String> streamed = upload(second, "weights.bin", tooMuch, false);
    assertThat(streamed.statusCode()).as("a body of unknown length is refused once read").isEqualTo(413);
    assertThat(JSON.readTree(streamed.body()).get("error").asText()).isEqualTo(USED_UP);
    assertThat(artifacts.list(second.getId())).as("no row").isEmpty();
    assertThat(artifacts.file(second.getId(), "weights.bin")).isEmpty();
    assertThat(Files.exists(storePath(tooMuch))).as("no bytes in the store").isFalse();
    assertThat(leftoverUploads()).as("no half-written upload").isZero();

    assertThat(upload(second, "curve.json", bytes(100_000, 3), true).statusCode()).as("what still fits is kept")
        .isEqualTo(200);
    assertThat(upload(first, "weights.bin", bytes(600_000, 4), true).statusCode())
        .as("re-sent under the same name, the old one no longer counts").isEqualTo(200);

    JsonNode evaluation = JSON.createObjectNode().put("score", 80.0).put("maxScore", 100.0);
    assertThat(leases.complete(second.getId(), runner.runnerId(),
        new CompleteRequest(Outcome.SUCCEEDED, "Graded.", evaluation, 0))).isEqualTo(JobLeases.Completion.RECORDED);
    LabJob graded = service.find(second.getId());
    assertThat(graded.getState()).isEqualTo(LabJobState.SUCCEEDED);
    assertThat(StoredEvaluation.read(graded.getEvaluation()).score()).isEqualTo(80.0);
    assertThat(artifacts.list(second.getId())).extracting(ArtifactStore.StoredArtifact::name)
        .containsExactly("curve.json");

    LabJob otherClass = leased(queue.submit(3, 2L));
    assertThat(upload(otherClass, "weights.bin", bytes(600_000, 5), true).statusCode())
        .as("another offering has its own budget").isEqualTo(200);
  }

  private LabJob leased(LabJob job) {
    assertThat(queue.claim(runner.runnerId(), QueueFixture.CPU_RUNNER)).map(LabJob::getId).contains(job.getId());
    return job;
  }

  private HttpResponse<String> upload(LabJob job, String name, byte[] body, boolean declareLength)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher = declareLength ? HttpRequest.BodyPublishers.ofByteArray(body)
        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runner/v1/jobs/"
            + job.getId() + "/artifacts/" + name))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + runner.token())
        .header("Content-Type", "application/octet-stream")
        .PUT(publisher).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] bytes(int size, int fill) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) fill);
    return bytes;
  }

  private static Path storePath(byte[] content) throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    return Path.of("target/budget-test-artifacts").toAbsolutePath().resolve(sha.substring(0, 2)).resolve(sha);
  }

  private static long leftoverUploads() throws IOException {
    Path incoming = Path.of("target/budget-test-artifacts/incoming");
    if (!Files.isDirectory(incoming)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(incoming)) {
      return files.count();
    }
  }
}
