package org.ethoslab.runner.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.contract.runner.ClaimRequest;
import org.ethoslab.contract.runner.ClaimResponse;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.EventsAck;
import org.ethoslab.contract.runner.HeartbeatResponse;
import org.ethoslab.contract.runner.JobEvent;

/**
 * The runner's side of the protocol under {@code /api/runner/v1} (java.net.http, bearer runner token). Transient
 * failures (I/O, 408, 429, 5xx) are retried per {@link RetryPolicy}; other 4xx replies throw
 * {@link RunnerApiException} at once.
 */
public final class RunnerApiClient {

  private static final Logger LOG = Logger.getLogger(RunnerApiClient.class.getName());
  /** The app holds a claim for up to 30 s when it has nothing; leave room for the reply. */
  private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(45);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String authorization;
  private final HttpClient http;
  private final ObjectMapper json;
  private final RetryPolicy retry;

  /**
   * @param server the app's URL, e.g. {@code http://localhost:8080}; {@code /api/runner/v1} is appended unless present
   * @param token  the runner token the admin registered
   */
  public RunnerApiClient(URI server, String token, ObjectMapper json, RetryPolicy retry) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("The runner token is empty: set --token or ETHOSLAB_RUNNER_TOKEN");
    }
    String url = server.toString().replaceAll("/+$", "");
    this.base = URI.create(url.endsWith("/api/runner/v1") ? url : url + "/api/runner/v1");
    this.authorization = "Bearer " + token.strip();
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.json = json;
    this.retry = retry;
  }

  /** Long-polls for a job: empty on 204 (nothing to do right now). */
  public Optional<ClaimResponse> claim(ClaimRequest request) throws IOException, InterruptedException, RunnerApiException {
    HttpResponse<byte[]> response = send(post("/jobs/claim", request, CLAIM_TIMEOUT), 3, null);
    if (response.statusCode() == 204 || response.body().length == 0) {
      return Optional.empty();
    }
    return Optional.of(json.readValue(response.body(), ClaimResponse.class));
  }

  /** Extends the lease; the reply carries cancel and lease-lost. */
  public HeartbeatResponse heartbeat(long jobId, String runnerId)
      throws IOException, InterruptedException, RunnerApiException {
    HttpResponse<byte[]> response = send(post("/jobs/" + jobId + "/heartbeat", Map.of("runnerId", runnerId),
        CALL_TIMEOUT), 3, null);
    return json.readValue(response.body(), HeartbeatResponse.class);
  }

  /** Sends a batch; returns the highest seq the app has stored without a gap (the batch's last when it says nothing). */
  public long sendEvents(long jobId, List<JobEvent> batch) throws IOException, InterruptedException, RunnerApiException {
    // Few attempts: the stream keeps the events and tries again at its next flush.
    HttpResponse<byte[]> response = send(post("/jobs/" + jobId + "/events", batch, CALL_TIMEOUT), 3, null);
    long last = batch.isEmpty() ? 0 : batch.get(batch.size() - 1).seq();
    if (response.body().length == 0) {
      return last;
    }
    JsonNode body = json.readTree(response.body());
    return body != null && body.has("lastSeq") ? json.treeToValue(body, EventsAck.class).lastSeq() : last;
  }

  /**
   * Uploads one artifact; empty when stored, else the app's reason for refusing it (413: larger than it accepts, or
   * the course's artifact budget is used up).
   */
  public Optional<String> uploadArtifact(long jobId, String name, Path file)
      throws IOException, InterruptedException, RunnerApiException {
    HttpRequest request = authorized(URI.create(base + "/jobs/" + jobId + "/artifacts/"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")), CALL_TIMEOUT)
        .header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofFile(file)).build();
    try {
      send(request, 5, null);
      return Optional.empty();
    } catch (RunnerApiException e) {
      if (e.status() == 413) {
        return Optional.of(e.detail());
      }
      throw e;
    }
  }

  /** Publishes the specs of the labs this runner can run; the app's lab catalog is made of them. */
  public void publishLabs(List<LabSpec> specs) throws IOException, InterruptedException, RunnerApiException {
    HttpRequest request = authorized(URI.create(base + "/labs"), CALL_TIMEOUT)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(specs))).build();
    send(request, 5, null);
  }

  /**
   * Reports the final state, retried with jittered backoff until the app acknowledges it or {@code giveUpAt}
   * passes. Idempotent on the app's side, so a retry after a lost reply is harmless.
   */
  public void complete(long jobId, CompleteRequest request, Instant giveUpAt)
      throws IOException, InterruptedException, RunnerApiException {
    send(post("/jobs/" + jobId + "/complete", request, CALL_TIMEOUT), Integer.MAX_VALUE, giveUpAt);
  }

  private HttpRequest post(String path, Object body, Duration timeout) throws IOException {
    return authorized(URI.create(base + path), timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
  }

  private HttpRequest.Builder authorized(URI uri, Duration timeout) {
    return HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .header("User-Agent", "ethoslab-runner");
  }

  private HttpResponse<byte[]> send(HttpRequest request, int maxAttempts, Instant giveUpAt)
      throws IOException, InterruptedException, RunnerApiException {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<byte[]> response = null;
      IOException failure = null;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status < 300) {
          return response;
        }
        if (!RetryPolicy.retryable(status)) {
          String body = new String(response.body(), StandardCharsets.UTF_8).strip();
          throw new RunnerApiException(status, request.method() + " " + request.uri().getPath() + " answered " + status
              + ": " + body, body);
        }
      } catch (IOException e) {
        failure = e;
      }
      Duration wait = retry.delay(attempt, Optional.ofNullable(response));
      boolean pastDeadline = giveUpAt != null && Instant.now().plus(wait).isAfter(giveUpAt);
      if (attempt >= maxAttempts || pastDeadline) {
        if (failure != null) {
          throw failure;
        }
        throw new IOException(request.method() + " " + request.uri().getPath() + " still answered "
            + response.statusCode() + " after " + attempt + " attempts");
      }
      LOG.fine(() -> request.uri().getPath() + " failed; retrying in " + wait.toMillis() + " ms");
      Thread.sleep(wait.toMillis());
    }
  }
}
