package org.ethoslab.runner.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.contract.runner.ClaimResponse;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.HeartbeatResponse;
import org.ethoslab.contract.runner.JobEvent;

/**
 * The app's side of the runner protocol, as small as the runner's tests need: a real HTTP server on 127.0.0.1
 * with a job queue, bearer-token check, events stored once per seq, a size-capped artifact store and idempotent
 * complete. (The real app depends on this module, so its tests cannot start the app.)
 */
public final class ProtocolTestServer implements AutoCloseable {

  private static final Pattern JOB_PATH =
      Pattern.compile("/api/runner/v1/jobs/(\\d+)/(heartbeat|events|complete|artifacts)(?:/(.+))?");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final String token;
  private final long artifactCap;
  private final BlockingQueue<ClaimResponse> queue = new LinkedBlockingQueue<>();
  private final Map<Long, NavigableMap<Long, JobEvent>> events = new ConcurrentHashMap<>();
  private final Map<Long, Map<String, byte[]>> artifacts = new ConcurrentHashMap<>();
  private final Map<Long, CompletableFuture<CompleteRequest>> completions = new ConcurrentHashMap<>();
  private final Map<Long, AtomicInteger> completeCalls = new ConcurrentHashMap<>();
  private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
  private final AtomicInteger claims = new AtomicInteger();
  private volatile int leaseSeconds = 30;
  private final Set<Long> leasesLost = ConcurrentHashMap.newKeySet();
  private final AtomicInteger failingCompletes = new AtomicInteger();
  private final AtomicInteger failingEvents = new AtomicInteger();
  private final List<LabSpec> published = new java.util.concurrent.CopyOnWriteArrayList<>();

  public ProtocolTestServer(String token, long artifactCap) throws IOException {
    this.token = token;
    this.artifactCap = artifactCap;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "protocol-test-server");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/api/runner/v1/jobs", this::handle);
    server.createContext("/api/runner/v1/labs", this::publish);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Queues a job; its completion can be awaited with {@link #awaitCompletion}. */
  public void enqueue(long jobId, JsonNode input) {
    enqueue(jobId, "hostile", "1", input);
  }

  /** Queues a job of the given lab. */
  public void enqueue(long jobId, String lab, String labVersion, JsonNode input) {
    completions.put(jobId, new CompletableFuture<>());
    queue.add(new ClaimResponse(jobId, lab, labVersion, input, leaseSeconds, 1, "cpu-small"));
  }

  public CompleteRequest awaitCompletion(long jobId, Duration timeout) throws Exception {
    return completions.get(jobId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The lease of jobs queued from now on (the runner heartbeats every third of it). */
  public void leaseSeconds(int seconds) {
    leaseSeconds = seconds;
  }

  /** From now on the job's heartbeats answer {@code leaseLost}, and its complete 409. */
  public void loseLease(long jobId) {
    leasesLost.add(jobId);
  }

  /** The next {@code n} complete calls answer 503 with {@code Retry-After: 1}. */
  public void failCompletes(int n) {
    failingCompletes.set(n);
  }

  /** The next {@code n} events calls answer 503 (after storing nothing). */
  public void failEvents(int n) {
    failingEvents.set(n);
  }

  public void cancel(long jobId) {
    cancelled.add(jobId);
  }

  public List<JobEvent> events(long jobId) {
    return List.copyOf(events.getOrDefault(jobId, new ConcurrentSkipListMap<>()).values());
  }

  public Map<String, byte[]> artifacts(long jobId) {
    return Map.copyOf(artifacts.getOrDefault(jobId, Map.of()));
  }

  /** The lab specs runners published ({@code PUT /labs}). */
  public List<LabSpec> published() {
    return List.copyOf(published);
  }

  private void publish(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))
          || !exchange.getRequestMethod().equals("PUT")) {
        reply(exchange, 401, Map.of("error", "bad runner token or method"));
        return;
      }
      published.addAll(List.of(json.readValue(exchange.getRequestBody().readAllBytes(), LabSpec[].class)));
      exchange.sendResponseHeaders(204, -1);
    }
  }

  public int completeCalls(long jobId) {
    return completeCalls.getOrDefault(jobId, new AtomicInteger()).get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        reply(exchange, 401, Map.of("error", "bad runner token"));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (path.equals("/api/runner/v1/jobs/claim")) {
        claims.incrementAndGet();
        ClaimResponse job = queue.poll(1, TimeUnit.SECONDS);
        if (job == null) {
          exchange.sendResponseHeaders(204, -1);
        } else {
          reply(exchange, 200, job);
        }
        return;
      }
      Matcher matcher = JOB_PATH.matcher(path);
      if (!matcher.matches()) {
        reply(exchange, 404, Map.of("error", "no such endpoint " + path));
        return;
      }
      long jobId = Long.parseLong(matcher.group(1));
      switch (matcher.group(2)) {
        case "heartbeat" -> reply(exchange, 200, new HeartbeatResponse(cancelled.contains(jobId), leaseSeconds,
            leasesLost.contains(jobId)));
        case "events" -> {
          if (failingEvents.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            reply(exchange, 503, Map.of("error", "database busy"));
            return;
          }
          List<JobEvent> batch = json.readValue(body,
              json.getTypeFactory().constructCollectionType(List.class, JobEvent.class));
          NavigableMap<Long, JobEvent> stored = events.computeIfAbsent(jobId, id -> new ConcurrentSkipListMap<>());
          batch.forEach(event -> stored.putIfAbsent(event.seq(), event));
          reply(exchange, 200, Map.of("stored", batch.size()));
        }
        case "artifacts" -> {
          if (body.length > artifactCap) {
            reply(exchange, 413, Map.of("error", "artifact larger than " + artifactCap));
          } else {
            artifacts.computeIfAbsent(jobId, id -> new ConcurrentHashMap<>()).put(matcher.group(3), body);
            reply(exchange, 200, Map.of("stored", body.length));
          }
        }
        default -> {
          completeCalls.computeIfAbsent(jobId, id -> new AtomicInteger()).incrementAndGet();
          if (leasesLost.contains(jobId)) {
            reply(exchange, 409, Map.of("error", "lease lost"));
            return;
          }
          if (failingCompletes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            reply(exchange, 503, Map.of("error", "database busy"));
            return;
          }
          CompleteRequest request = json.readValue(body, CompleteRequest.class);
          completions.computeIfAbsent(jobId, id -> new CompletableFuture<>()).complete(request);
          reply(exchange, 200, Map.of("result", "COMPLETED"));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void reply(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
