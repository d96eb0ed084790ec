package org.ethoslab.runner.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.ethoslab.contract.runner.ClaimRequest;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.JobEvent;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.contract.runner.RunnerCapabilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protocol client against a real HTTP server that misbehaves on purpose. */
class RunnerApiClientTests {

  private final ObjectMapper json = new ObjectMapper();
  private final AtomicInteger calls = new AtomicInteger();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<Long> retryGaps = new CopyOnWriteArrayList<>();
  private volatile int failFirst;
  private volatile int failStatus = 503;
  private volatile String body = "";
  private volatile int okStatus = 200;
  private long lastCall;
  private HttpServer server;
  private RunnerApiClient client;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> {
      long now = System.nanoTime();
      synchronized (this) {
        if (lastCall != 0) {
          retryGaps.add((now - lastCall) / 1_000_000);
        }
        lastCall = now;
      }
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.getRequestBody().readAllBytes();
      int n = calls.incrementAndGet();
      if (n <= failFirst) {
        exchange.getResponseHeaders().set("Retry-After", "1");
        byte[] error = "{\"error\":\"busy\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(failStatus, error.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(error);
        }
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(okStatus, okStatus == 204 ? -1 : bytes.length);
      if (okStatus != 204) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
      exchange.close();
    });
    server.start();
    client = new RunnerApiClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "secret",
        json, new RetryPolicy(Duration.ofMillis(50), Duration.ofSeconds(1)));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void completeIsRetriedHonouringRetryAfterUntilAcknowledged() throws Exception {
    failFirst = 2;
    body = "{\"result\":\"COMPLETED\"}";
    client.complete(7, new CompleteRequest(Outcome.SUCCEEDED, "ok", null, 3), Instant.now().plusSeconds(30));
    assertThat(calls).hasValue(3);
    assertThat(retryGaps).allMatch(gap -> gap >= 900, "waited the Retry-After second");
    assertThat(authorizations).containsOnly("Bearer secret");
  }

  @Test
  void aConflictIsNotRetried() {
    failFirst = 100;
    failStatus = 409;
    assertThatThrownBy(() -> client.complete(7, new CompleteRequest(Outcome.SUCCEEDED, "ok", null, 3),
        Instant.now().plusSeconds(30))).isInstanceOf(RunnerApiException.class)
        .satisfies(e -> assertThat(((RunnerApiException) e).status()).isEqualTo(409));
    assertThat(calls).hasValue(1);
  }

  @Test
  void claimReturnsEmptyOn204() throws Exception {
    okStatus = 204;
    assertThat(client.claim(new ClaimRequest("r", new RunnerCapabilities(1, 512, 0, 0, List.of(), "FULL", 1, "t"))))
        .isEmpty();
  }

  @Test
  void eventsReplyWithLastSeqDrivesResync() throws Exception {
    body = "{\"lastSeq\":1}";
    long stored = client.sendEvents(7, List.of(new JobEvent(1, "log", json.createObjectNode()),
        new JobEvent(2, "log", json.createObjectNode())));
    assertThat(stored).isEqualTo(1);
    body = "{\"stored\":2,\"duplicates\":0}";
    assertThat(client.sendEvents(7, List.of(new JobEvent(2, "log", json.createObjectNode())))).isEqualTo(2);
  }

  @Test
  void retryAfterParsesSecondsAndDates() {
    assertThat(RetryPolicy.parseRetryAfter("120")).contains(Duration.ofSeconds(120));
    assertThat(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("soon")).isEmpty();
    assertThat(RetryPolicy.DEFAULT.delay(30, Optional.empty())).isLessThanOrEqualTo(Duration.ofSeconds(30));
  }
}
