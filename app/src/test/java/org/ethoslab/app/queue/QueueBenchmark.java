package org.ethoslab.app.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ethoslab.app.EthosLabApplication;
import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.ethoslab.app.testsupport.PostgresTestDatabase;
import org.ethoslab.contract.runner.ClaimRequest;
import org.ethoslab.contract.runner.ClaimResponse;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.Outcome;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Claim throughput and submit-to-running latency of the queue on real PostgreSQL, through the real HTTP API.
 * Not a test: run it when the machine is quiet and note the load ({@code uptime}).
 *
 * <pre>
 * mvn -B -o -q -pl app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ethoslab.app.queue.QueueBenchmark [-Dexec.args="2000 200"]
 * </pre>
 * Arguments: jobs for the throughput run (default 2000), submissions for the latency run (default 200).
 * It creates a throw-away database {@code ethoslab_test_*} on 127.0.0.1:5432 and drops it at the end.
 */
public final class QueueBenchmark {

  private static final int CLAIMERS = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLAIMERS + 2)).build();
  private final String base;

  private QueueBenchmark(int port) {
    this.base = "http://127.0.0.1:" + port + "/api/runner/v1/jobs";
  }

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int submissions = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    if (!PostgresTestDatabase.serverAvailable()) {
      System.err.println("PostgreSQL is not reachable on 127.0.0.1:5432 as postgres; install and start it first.");
      System.exit(2);
    }
    try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
      SpringApplication app = new SpringApplication(EthosLabApplication.class, QueueActors.class);
      app.setDefaultProperties(Map.of(
          "spring.datasource.url", db.jdbcUrl(),
          "spring.datasource.username", db.username(),
          "spring.datasource.password", db.password(),
          "server.port", "0",
          "ethoslab.runner.embedded.enabled", "false",
          "ethoslab.queue.max-running-per-user", "1000",
          "ethoslab.queue.max-running-per-course", "1000",
          "ethoslab.admin.password", "benchmark-admin-password",
          "logging.level.root", "WARN"));
      try (ConfigurableApplicationContext context = app.run()) {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        QueueBenchmark bench = new QueueBenchmark(port);
        LabJobService service = context.getBean(LabJobService.class);
        QueueActors actors = context.getBean(QueueActors.class);
        RunnerRegistry registry = context.getBean(RunnerRegistry.class);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CLAIMERS; i++) {
          tokens.add(registry.register("bench-" + i).token());
        }
        System.out.printf("Load before: %s%n", loadAverage());
        bench.warmUp(service, actors, tokens.get(0));
        bench.throughput(service, actors, tokens, jobs);
        bench.serviceThroughput(service, actors, context.getBean(JobLeases.class), registry, jobs);
        bench.latency(service, actors, tokens.get(0), submissions);
        System.out.printf("Load after: %s%n", loadAverage());
      }
    }
  }

  private void warmUp(LabJobService service, QueueActors actors, String token) throws Exception {
    for (int i = 0; i < 50; i++) {
      service.submit(JobSubmission.of("w2s", "2", QueueFixture.input("w2s"), actors.student(1), null));
    }
    while (true) {
      HttpResponse<String> claim = post("/claim?waitSeconds=0", token, claimBody());
      if (claim.statusCode() == 204) {
        return;
      }
      complete(token, JSON.readValue(claim.body(), ClaimResponse.class).jobId());
    }
  }

  /** 8 runners claim (HTTP, one at a time each) and complete until the queue is empty. */
  private void throughput(LabJobService service, QueueActors actors, List<String> tokens, int jobs) throws Exception {
    for (int i = 0; i < jobs; i++) {
      service.submit(JobSubmission.of("w2s", "2", QueueFixture.input("w2s"), actors.student(i % 50),
          actors.offering((long) (i % 10))));
    }
    ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> done = new ArrayList<>();
    for (String token : tokens) {
      done.add(pool.submit(() -> {
        start.await();
        int mine = 0;
        while (true) {
          HttpResponse<String> claim = post("/claim?waitSeconds=0", token, claimBody());
          if (claim.statusCode() == 204) {
            return mine;
          }
          complete(token, JSON.readValue(claim.body(), ClaimResponse.class).jobId());
          mine++;
        }
      }));
    }
    long t0 = System.nanoTime();
    start.countDown();
    int total = 0;
    for (Future<Integer> f : done) {
      total += f.get(30, TimeUnit.MINUTES);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    System.out.printf("Throughput: %d jobs claimed+completed by %d HTTP claimers in %.2f s = %.0f jobs/s%n",
        total, CLAIMERS, seconds, total / seconds);
  }

  /** The same race without HTTP: 8 threads call the queue service directly, so only the database work is timed. */
  private void serviceThroughput(LabJobService service, QueueActors actors, JobLeases leases, RunnerRegistry registry,
                                 int jobs) throws Exception {
    for (int i = 0; i < jobs; i++) {
      service.submit(JobSubmission.of("w2s", "2", QueueFixture.input("w2s"), actors.student(i % 50),
          actors.offering((long) (i % 10))));
    }
    ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> done = new ArrayList<>();
    CompleteRequest ok = new CompleteRequest(Outcome.SUCCEEDED, "ok", JSON.createObjectNode().put("score", 1.0), 0);
    for (int c = 0; c < CLAIMERS; c++) {
      long runnerId = registry.register("bench-direct-" + c).runnerId();
      done.add(pool.submit(() -> {
        start.await();
        int mine = 0;
        while (true) {
          var job = leases.claim(runnerId, QueueFixture.CPU_RUNNER, true, Duration.ZERO);
          if (job.isEmpty()) {
            return mine;
          }
          leases.complete(job.get().getId(), runnerId, ok);
          mine++;
        }
      }));
    }
    long t0 = System.nanoTime();
    start.countDown();
    int total = 0;
    for (Future<Integer> f : done) {
      total += f.get(30, TimeUnit.MINUTES);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    System.out.printf("Throughput without HTTP: %d jobs claimed+completed by %d threads in %.2f s = %.0f jobs/s%n",
        total, CLAIMERS, seconds, total / seconds);
  }

  /** One idle runner long-polls; each submission is timed until the runner has it and reported it running. */
  private void latency(LabJobService service, QueueActors actors, String token, int submissions) throws Exception {
    Map<Long, Long> runningAt = new ConcurrentHashMap<>();
    Thread claimer = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          HttpResponse<String> claim = post("/claim?waitSeconds=25", token, claimBody());
          if (claim.statusCode() != 200) {
            continue;
          }
          long jobId = JSON.readValue(claim.body(), ClaimResponse.class).jobId();
          post("/" + jobId + "/heartbeat", token, "");
          runningAt.put(jobId, System.nanoTime());
          complete(token, jobId);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "idle-claimer");
    claimer.setDaemon(true);
    claimer.start();
    Thread.sleep(500);
    double[] millis = new double[submissions];
    for (int i = 0; i < submissions; i++) {
      long student = actors.student(100 + i % 50);
      long t0 = System.nanoTime();
      long id = service.submit(JobSubmission.of("w2s", "2", QueueFixture.input("w2s"), student, null)).getId();
      while (!runningAt.containsKey(id)) {
        Thread.onSpinWait();
      }
      millis[i] = (runningAt.get(id) - t0) / 1e6;
      Thread.sleep(30);
    }
    claimer.interrupt();
    Arrays.sort(millis);
    System.out.printf("Submit-to-running latency, idle long-polling runner, %d submissions: median %.1f ms, "
        + "p95 %.1f ms, max %.1f ms%n", submissions, percentile(millis, 0.50), percentile(millis, 0.95),
        millis[millis.length - 1]);
  }

  private void complete(String token, long jobId) throws Exception {
    String body = JSON.writeValueAsString(new CompleteRequest(Outcome.SUCCEEDED, "ok",
        JSON.createObjectNode().put("score", 1.0), 0));
    HttpResponse<String> response = post("/" + jobId + "/complete", token, body);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("complete of job " + jobId + " answered " + response.statusCode() + ": "
          + response.body());
    }
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(40))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String claimBody() throws Exception {
    return JSON.writeValueAsString(new ClaimRequest("bench", QueueFixture.CPU_RUNNER));
  }

  private static double percentile(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
