package org.ethoslab.app.runnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ethoslab.app.queue.FinishedJobs;
import org.ethoslab.app.queue.JobLeases;
import org.ethoslab.app.queue.JobSubmission;
import org.ethoslab.app.queue.LabJob;
import org.ethoslab.app.queue.LabJobService;
import org.ethoslab.app.queue.LabJobState;
import org.ethoslab.app.queue.QueueActors;
import org.ethoslab.app.queue.QueueFixture;
import org.ethoslab.app.queue.QueueIntegrationTest;
import org.ethoslab.contract.runner.ClaimRequest;
import org.ethoslab.contract.runner.ClaimResponse;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.HeartbeatResponse;
import org.ethoslab.contract.runner.JobEvent;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.contract.runner.RunnerCapabilities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The runner protocol over real HTTP: tokens, lease rules, idempotent events and completion, artifacts, a dead runner. */
@QueueIntegrationTest
class RunnerApiIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  RunnerRegistry registry;
  @Autowired
  LabJobService service;
  @Autowired
  JobLeases leases;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  FinishedJobs finished;
  @Autowired
  QueueActors actors;

  private final HttpClient http = HttpClient.newHttpClient();
  private QueueFixture queue;
  private String tokenA;
  private String tokenB;

  @BeforeEach
  void freshQueueAndRunners() {
    queue = new QueueFixture(service, leases, jdbc, actors);
    queue.emptyQueue();
    finished.clear();
    tokenA = registry.register("api-a-" + System.nanoTime()).token();
    tokenB = registry.register("api-b-" + System.nanoTime()).token();
  }

  @Test
  void missingWrongAndRevokedTokensGet401Json() throws Exception {
    HttpResponse<String> missing = send("POST", "/jobs/claim?waitSeconds=0", null, claimBody());
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("runner token required");

    HttpResponse<String> wrong = send("POST", "/jobs/claim?waitSeconds=0", "elr_not-a-real-token", claimBody());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(wrong.body()).get("error").asText()).contains("unknown or revoked");

    RunnerRegistry.IssuedToken revoked = registry.register("api-revoked-" + System.nanoTime());
    assertThat(send("POST", "/jobs/claim?waitSeconds=0", revoked.token(), claimBody()).statusCode()).isEqualTo(204);
    registry.revoke(revoked.runnerId());
    assertThat(send("POST", "/jobs/claim?waitSeconds=0", revoked.token(), claimBody()).statusCode()).isEqualTo(401);
  }

  @Test
  void claimCarriesTheFullInputAndOthersCannotActOnTheJob() throws Exception {
    LabJob job = queue.submit(1, null);
    ClaimResponse claim = claim(tokenA);
    assertThat(claim.jobId()).isEqualTo(job.getId());
    assertThat(claim.attempt()).isEqualTo(1);
    assertThat(claim.leaseSeconds()).isEqualTo(5);
    assertThat(claim.input().get("hidden")).as("the trusted evaluate phase needs it").isNotNull();

    HeartbeatResponse mine = JSON.readValue(send("POST", "/jobs/" + job.getId() + "/heartbeat", tokenA, "").body(),
        HeartbeatResponse.class);
    assertThat(mine.leaseLost()).isFalse();
    assertThat(service.find(job.getId()).getState()).isEqualTo(LabJobState.RUNNING);
    HeartbeatResponse theirs = JSON.readValue(send("POST", "/jobs/" + job.getId() + "/heartbeat", tokenB, "").body(),
        HeartbeatResponse.class);
    assertThat(theirs.leaseLost()).isTrue();

    assertThat(send("POST", "/jobs/" + job.getId() + "/events", tokenB, events(1, 1)).statusCode()).isEqualTo(409);
    assertThat(send("POST", "/jobs/" + job.getId() + "/complete", tokenB, completeBody(0.9)).statusCode())
        .isEqualTo(409);
    assertThat(send("POST", "/jobs/999999/complete", tokenA, completeBody(0.9)).statusCode()).isEqualTo(404);
    assertThat(send("POST", "/jobs/claim?waitSeconds=0", tokenB, claimBody()).statusCode()).isEqualTo(204);
  }

  @Test
  void duplicatedEventsAndCompletionChangeNothing() throws Exception {
    LabJob job = queue.submit(1, null);
    claim(tokenA);
    String path = "/jobs/" + job.getId();

    JsonNode first = JSON.readTree(send("POST", path + "/events", tokenA, events(1, 3)).body());
    assertThat(first.get("stored").asInt()).isEqualTo(3);
    JsonNode resent = JSON.readTree(send("POST", path + "/events", tokenA, events(2, 4)).body());
    assertThat(resent.get("stored").asInt()).isEqualTo(1);
    assertThat(resent.get("duplicates").asInt()).isEqualTo(2);
    assertThat(resent.get("lastSeq").asLong()).isEqualTo(4);
    JsonNode gap = JSON.readTree(send("POST", path + "/events", tokenA, events(6, 6)).body());
    assertThat(gap.get("lastSeq").asLong()).as("seq 5 is missing").isEqualTo(4);
    assertThat(eventCount(job)).isEqualTo(5);

    HttpResponse<String> badType = send("POST", path + "/events", tokenA,
        "[{\"seq\":5,\"type\":\"grade\",\"data\":{}}]");
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(badType.body()).contains("events[0].type");

    HttpResponse<String> done = send("POST", path + "/complete", tokenA, completeBody(0.9));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("RECORDED");
    HttpResponse<String> again = send("POST", path + "/complete", tokenA, completeBody(0.9));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("REPEATED");
    HttpResponse<String> different = send("POST", path + "/complete", tokenA, completeBody(0.1));
    assertThat(different.statusCode()).isEqualTo(409);
    assertThat(send("POST", path + "/events", tokenA, events(1, 4)).statusCode())
        .as("a late resend of stored events is harmless").isEqualTo(200);
    assertThat(send("POST", path + "/events", tokenA, events(5, 5)).statusCode())
        .as("but a finished job takes no new events").isEqualTo(409);

    LabJob ended = service.find(job.getId());
    assertThat(ended.getState()).isEqualTo(LabJobState.SUCCEEDED);
    assertThat(JSON.readTree(ended.getEvaluation()).get("score").asDouble()).isEqualTo(0.9);
    assertThat(eventCount(job)).isEqualTo(5);
    assertThat(finished.of(job.getId())).hasSize(1);
  }

  @Test
  void artifactsAreStoredByContentAndCappedInSize() throws Exception {
    LabJob job = queue.submit(1, null);
    claim(tokenA);
    String path = "/jobs/" + job.getId() + "/artifacts/";

    HttpResponse<String> stored = send("PUT", path + "curve.json", tokenA, "{\"loss\":[0.9,0.5,0.3]}");
    assertThat(stored.statusCode()).isEqualTo(200);
    JsonNode meta = JSON.readTree(stored.body());
    assertThat(meta.get("sizeBytes").asLong()).isEqualTo(22);
    assertThat(meta.get("sha256").asText()).hasSize(64);

    HttpResponse<String> tooLarge = send("PUT", path + "model.bin", tokenA, "x".repeat(5000));
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("limit of 4096 bytes");
    assertThat(send("PUT", path + "..%2Fescape", tokenA, "x").statusCode()).isIn(400, 404);
    assertThat(jdbc.queryForObject("select count(*) from lab_job_artifact where job_id = ?", Long.class,
        job.getId())).isEqualTo(1);
    assertThat(send("PUT", path + "other.json", tokenB, "{}").statusCode()).isEqualTo(409);
  }

  @Test
  void aRunnerThatStopsHeartbeatingLosesTheJobToAnotherWhichGradesItOnce() throws Exception {
    LabJob job = queue.submit(1, null);
    ClaimResponse first = claim(tokenA);
    String path = "/jobs/" + job.getId();
    send("POST", path + "/events", tokenA, events(1, 2));
    // Runner A dies here: no more heartbeats. Its lease (5 s in this context) runs out in real time.
    Instant expires = service.find(job.getId()).getLeaseExpiresAt();
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 200);
    assertThat(leases.reapExpiredLeases(10)).isEqualTo(1);

    ClaimResponse second = claim(tokenB);
    assertThat(second.jobId()).isEqualTo(first.jobId());
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(send("POST", path + "/events", tokenB, events(1, 3)).statusCode()).isEqualTo(200);
    assertThat(send("POST", path + "/complete", tokenB, completeBody(0.8)).statusCode()).isEqualTo(200);

    // Runner A comes back from the dead with its own result: refused, the grade stays B's.
    assertThat(send("POST", path + "/complete", tokenA, completeBody(0.2)).statusCode()).isEqualTo(409);
    HeartbeatResponse late = JSON.readValue(send("POST", path + "/heartbeat", tokenA, "").body(),
        HeartbeatResponse.class);
    assertThat(late.leaseLost()).isTrue();
    assertThat(finished.of(job.getId())).singleElement()
        .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.SUCCEEDED));
    assertThat(JSON.readTree(service.find(job.getId()).getEvaluation()).get("score").asDouble()).isEqualTo(0.8);
    assertThat(eventCount(job)).as("2 of the dead attempt, 3 of the one that finished").isEqualTo(5);
  }

  @Test
  void studentCodeGoesOnlyToSandboxedRunnersOrTheLocalOnlyEmbeddedOne() throws Exception {
    ObjectNode withHooks = QueueFixture.input("w2s");
    withHooks.putObject("hooks").put("SoftVote", "public class SoftVote {}");
    LabJob job = queue.submit(JobSubmission.of("w2s", "2", withHooks, 1, null));
    RunnerCapabilities unsandboxed = new RunnerCapabilities(2, 4096, 0, 0, List.of(), "NONE", 1, "test");

    assertThat(send("POST", "/jobs/claim?waitSeconds=0", tokenA, claimBody(unsandboxed)).statusCode())
        .as("a standalone runner without a sandbox").isEqualTo(204);
    String embedded = registry.registerInternal("embedded-local-" + System.nanoTime(), true).token();
    HttpResponse<String> local = send("POST", "/jobs/claim?waitSeconds=0", embedded, claimBody(unsandboxed));
    assertThat(local.statusCode()).as("the app's own runner on a localhost-only install").isEqualTo(200);
    assertThat(JSON.readValue(local.body(), ClaimResponse.class).jobId()).isEqualTo(job.getId());
  }

  @Test
  void anIdleClaimIsWokenBySubmitWithinTheLongPoll() throws Exception {
    Thread submitter = new Thread(() -> {
      try {
        Thread.sleep(300);
        queue.submit(1, null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    submitter.start();
    long started = System.nanoTime();
    HttpResponse<String> response = send("POST", "/jobs/claim?waitSeconds=2", tokenA, claimBody());
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    submitter.join();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(tookMs).as("woken by the submit, not by the 2 s timeout").isLessThan(1900);
  }

  private long eventCount(LabJob job) {
    return jdbc.queryForObject("select count(*) from lab_job_event where job_id = ?", Long.class, job.getId());
  }

  private ClaimResponse claim(String token) throws IOException, InterruptedException {
    HttpResponse<String> response = send("POST", "/jobs/claim?waitSeconds=0", token, claimBody());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readValue(response.body(), ClaimResponse.class);
  }

  private static String claimBody() throws IOException {
    return claimBody(QueueFixture.CPU_RUNNER);
  }

  private static String claimBody(RunnerCapabilities capabilities) throws IOException {
    return JSON.writeValueAsString(new ClaimRequest("test-host", capabilities));
  }

  private static String events(long fromSeq, long toSeq) throws IOException {
    List<JobEvent> batch = new java.util.ArrayList<>();
    for (long seq = fromSeq; seq <= toSeq; seq++) {
      batch.add(new JobEvent(seq, "progress", JSON.createObjectNode().put("fraction", seq / 10.0)));
    }
    return JSON.writeValueAsString(batch);
  }

  private static String completeBody(double score) throws IOException {
    return JSON.writeValueAsString(new CompleteRequest(Outcome.SUCCEEDED, "Finished.",
        JSON.createObjectNode().put("score", score), 3));
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runner/v1" + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
