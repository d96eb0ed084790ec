package org.ethoslab.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ethoslab.app.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The deployment the Docker images describe, without Docker: {@code docker/app-entrypoint.sh} and
 * {@code docker/runner-entrypoint.sh} run as two processes with the environment of {@code docker/compose.yaml} and
 * the images' {@code ENV} lines (paths pointing into the build instead of {@code /opt/ethoslab}), against a fresh
 * PostgreSQL database. The runner's DJL cache is warmed first by the command the runner images run at build time.
 * The app registers the runner from {@code ETHOSLAB_RUNNER_BOOTSTRAP_TOKENS}; a reduced weak-to-strong job queued in
 * the database (as the queue's service writes it: the claim API reads the table and re-checks it every second) must
 * then complete through the runner's HTTP protocol, and the runner must have published its labs (the app image has no
 * labs.jar, so its lab catalog is the runners'). Cold starts, resident memory and the job's wall time go to
 * {@code app/target/deployment-it/report.txt}.
 */
class TwoProcessDeploymentIntegrationTests {

  private static final String ADMIN = "admin@deploy.test";
  private static final String RUNNER = "compose-cpu-1";
  private static final String JOB_INPUT = """
      {"lab":"w2s","labVersion":"2","seed":42,"params":{"task":"safety","numSeeds":1,"numTeachers":1,"voting":"soft","trainSize":200,
       "testSize":100,"strongSteps":20},"resources":{"cpus":1,"memoryMb":2048,"device":"cpu"},
       "hidden":{"evalSeed":987654}}""";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void theAppAndAStandaloneRunnerStartedLikeTheImagesCompleteALabJob() throws Exception {
    DeploymentTree tree = DeploymentTree.locate().requireBuilt();
    Path run = tree.root.resolve("app/target/deployment-it");
    Files.createDirectories(run);
    Path base = Files.createTempDirectory(run, "run-");
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    String token = "elr_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
    Map<String, String> report = new LinkedHashMap<>();

    try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
      warmDjlCache(tree, base.resolve("djl-cache"));
      int appPort = DeploymentTree.freePort();
      try (DeployedProcess app = DeployedProcess.start("app", tree.docker.resolve("app-entrypoint.sh"),
          appEnv(tree, db, base, appPort, token), directory(base, "app-home"), base.resolve("app.log"))) {
        awaitUp(app, "http://127.0.0.1:" + appPort + "/actuator/health", "\"UP\"", Duration.ofMinutes(4));
        report.put("app cold start (process start to /actuator/health UP), s", format(app.secondsSinceStart()));

        int healthPort = DeploymentTree.freePort();
        try (DeployedProcess runner = DeployedProcess.start("runner", tree.docker.resolve("runner-entrypoint.sh"),
            runnerEnv(tree, base, appPort, healthPort, token), directory(base, "runner-home"),
            base.resolve("runner.log"))) {
          awaitUp(runner, "http://127.0.0.1:" + healthPort + "/health", "\"isolation\"", Duration.ofMinutes(4));
          report.put("runner cold start (process start to /health answering), s",
              format(runner.secondsSinceStart()));
          report.put("runner isolation", health(healthPort).replaceAll(".*\"isolation\":\"([A-Z_]+)\".*", "$1"));

          long jobId = queueJob(db);
          Map<String, Object> finished = awaitFinished(db, jobId, Duration.ofMinutes(15), app, runner);
          assertThat(finished.get("state")).as(finished + "\n" + runner.tail()).isEqualTo("SUCCEEDED");
          assertThat((String) finished.get("evaluation")).contains("pgr");
          assertThat(finished.get("completed_by")).isEqualTo(runnerId(db));
          assertThat(capabilities(db)).contains("\"gpus\":0").contains("w2s");
          assertThat(app.logText()).as("the app image has no labs.jar: its lab catalog comes from the runners")
              .contains("lab specs will come from the runners");
          assertThat(single(db, "select count(*) from published_lab_spec where published_by = '" + RUNNER
              + "' and lab_id = 'w2s' and version = '2'", Long.class)).as("the runner published its labs").isOne();
          Instant queued = ((Timestamp) finished.get("queued_at")).toInstant();
          Instant claimed = ((Timestamp) finished.get("claimed_at")).toInstant();
          Instant done = ((Timestamp) finished.get("finished_at")).toInstant();
          report.put("job wall time, queued to finished, s", format(Duration.between(queued, done).toMillis() / 1e3));
          report.put("job wall time, claimed to finished, s",
              format(Duration.between(claimed, done).toMillis() / 1e3));
          report.put("app RSS after the job, MB", Long.toString(app.rssMb()));
          report.put("runner RSS after the job, MB", Long.toString(runner.rssMb()));
          assertThat(app.logText()).doesNotContain(token);
          assertThat(runner.logText()).doesNotContain(token);
        }
      }
    } finally {
      report.put("load average at the end", Files.readString(Path.of("/proc/loadavg")).strip());
      StringBuilder text = new StringBuilder("Two-process deployment run " + Instant.now() + "\n");
      report.forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
      Files.writeString(run.resolve("report.txt"), text);
      System.out.print(text);
    }
  }

  /** What app.Dockerfile's ENV and compose.yaml's app service set; only the port differs (the container's is 8080). */
  private static Map<String, String> appEnv(DeploymentTree tree, PostgresTestDatabase db, Path base, int port,
                                            String token) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("APP_JAR", tree.appJar.toString());
    env.put("JAVA_OPTS", "-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError");
    env.put("ETHOSLAB_RUNNER_EMBEDDED_ENABLED", "false");
    env.put("ETHOSLAB_QUEUE_ARTIFACTDIR", directory(base, "artifacts").toString());
    env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
    env.put("SPRING_DATASOURCE_USERNAME", db.username());
    env.put("SPRING_DATASOURCE_PASSWORD", db.password());
    env.put("ETHOSLAB_ADMIN_EMAIL", ADMIN);
    env.put("ETHOSLAB_ADMIN_PASSWORD", "deploy-test-admin-password");
    env.put("ETHOSLAB_RUNNER_BOOTSTRAP_TOKENS", RUNNER + ":" + token + ",compose-gpu-1:");
    env.put("SERVER_FORWARD_HEADERS_STRATEGY", "native");
    env.put("SERVER_PORT", Integer.toString(port));
    return env;
  }

  /** What runner.Dockerfile's ENV and compose.yaml's runner-cpu service set, with paths into the build. */
  private static Map<String, String> runnerEnv(DeploymentTree tree, Path base, int appPort, int healthPort,
                                               String token) throws IOException {
    Path javaHome = Path.of(System.getProperty("java.home"));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", javaHome.resolve("bin") + ":" + System.getenv("PATH"));
    env.put("JAVA_HOME", javaHome.toString());
    env.put("RUNNER_HOME", tree.runnerHome.toString());
    env.put("ETHOSLAB_LABS_HOME", tree.labsHome.toString());
    env.put("ETHOSLAB_RUNNER_WORK_DIR", directory(base, "work").toString());
    env.put("ETHOSLAB_RUNNER_DJL_CACHE", base.resolve("djl-cache").toString());
    env.put("ETHOSLAB_RUNNER_HEALTH_PORT", Integer.toString(healthPort));
    env.put("ETHOSLAB_SERVER_URL", "http://127.0.0.1:" + appPort);
    env.put("ETHOSLAB_RUNNER_TOKEN", token);
    env.put("ETHOSLAB_RUNNER_RUNNER_ID", RUNNER);
    env.put("ETHOSLAB_RUNNER_SLOTS", "2");
    env.put("ETHOSLAB_RUNNER_CPUS", "2");
    env.put("ETHOSLAB_RUNNER_MEMORY_MB", "4096");
    env.put("ETHOSLAB_RUNNER_GPUS", "0");
    env.put("ETHOSLAB_RUNNER_MAX_WALL_SECONDS", "7200");
    env.put("JAVA_OPTS", "-Xmx256m");
    return env;
  }

  /** The runner images' build step: {@code java -Dai.djl.offline=true -cp ethoslab-runner.jar …CacheWarmup}. */
  private static void warmDjlCache(DeploymentTree tree, Path cache) throws Exception {
    Process warm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dai.djl.offline=true", "-cp", tree.runnerHome.resolve("ethoslab-runner.jar").toString(),
        "org.ethoslab.runner.CacheWarmup", "--labs-home", tree.labsHome.toString(), "--djl-cache", cache.toString())
        .redirectErrorStream(true).start();
    String output = new String(warm.getInputStream().readAllBytes());
    assertThat(warm.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(warm.exitValue()).as(output).isZero();
  }

  private void awaitUp(DeployedProcess process, String url, String expected, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.alive()).as("exited before it was up\n" + process.tail()).isTrue();
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.body().contains(expected)) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(url + " not up within " + limit + "\n" + process.tail());
  }

  private String health(int port) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static long queueJob(PostgresTestDatabase db) throws SQLException {
    try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement("""
        insert into lab_job (state, lab, lab_version, input, student_code, user_id, compute_tier, priority, queued_at)
        values ('QUEUED', 'w2s', '2', ?, false, (select id from app_user where email = ?), 'cpu-small', 0,
                current_timestamp)""", new String[] {"id"})) {
      insert.setString(1, JOB_INPUT.replace("\n", ""));
      insert.setString(2, ADMIN);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static Map<String, Object> awaitFinished(PostgresTestDatabase db, long jobId, Duration limit,
                                                   DeployedProcess app, DeployedProcess runner) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(app.alive()).as(app.tail()).isTrue();
      assertThat(runner.alive()).as(runner.tail()).isTrue();
      try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement(
          "select state, outcome, message, evaluation, completed_by, queued_at, claimed_at, finished_at"
              + " from lab_job where id = ?")) {
        select.setLong(1, jobId);
        try (ResultSet row = select.executeQuery()) {
          row.next();
          if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(row.getString("state"))) {
            Map<String, Object> result = new LinkedHashMap<>();
            for (String column : List.of("state", "outcome", "message", "evaluation", "completed_by", "queued_at",
                "claimed_at", "finished_at")) {
              result.put(column, row.getObject(column));
            }
            return result;
          }
        }
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("job " + jobId + " not finished within " + limit + "\n" + runner.tail());
  }

  private static Long runnerId(PostgresTestDatabase db) throws SQLException {
    return single(db, "select id from runner where name = '" + RUNNER + "'", Long.class);
  }

  private static String capabilities(PostgresTestDatabase db) throws SQLException {
    return single(db, "select capabilities from runner where name = '" + RUNNER + "'", String.class);
  }

  private static <T> T single(PostgresTestDatabase db, String sql, Class<T> type) throws SQLException {
    try (Connection c = db.connect(); ResultSet row = c.createStatement().executeQuery(sql)) {
      assertThat(row.next()).as(sql).isTrue();
      return row.getObject(1, type);
    }
  }

  private static Path directory(Path base, String name) throws IOException {
    Path dir = Files.createDirectories(base.resolve(name));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  private static String format(double seconds) {
    return String.format(java.util.Locale.ROOT, "%.1f", seconds);
  }
}
