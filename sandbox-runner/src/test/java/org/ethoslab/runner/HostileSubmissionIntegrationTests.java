package org.ethoslab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.ethoslab.runner.fixtures.HostileLab;
import org.ethoslab.runner.job.LabDistribution;
import org.ethoslab.runner.protocol.CompleteRequest;
import org.ethoslab.runner.protocol.JobEvent;
import org.ethoslab.runner.protocol.Outcome;
import org.ethoslab.runner.testsupport.ProtocolTestServer;
import org.ethoslab.runner.testsupport.RealServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hostile submissions through the real sandbox (bubblewrap, cgroups, setpriv, prlimit) and the whole runner: claim
 * over HTTP, run, verdict, trusted evaluation, complete. Each attack must be contained and get the verdict a
 * student can act on; the runner (this JVM) stays up and a normal job afterwards succeeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileSubmissionIntegrationTests {

  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicInteger nextJob = new AtomicInteger(100);
  private ProtocolTestServer server;
  private EmbeddedRunner runner;
  private Path workDir;
  private Path hostSecrets;

  @BeforeAll
  void startRunner() throws IOException {
    RealServices.requireBubblewrap();
    RealServices.requireRoot();
    Path target = Path.of("target").toAbsolutePath();
    workDir = target.resolve("hostile-work");
    hostSecrets = Files.createDirectories(target.resolve("hostile-host-files"));
    Files.writeString(hostSecrets.resolve("other-job-secret.txt"), "another student's job");
    server = new ProtocolTestServer("test-token", 1 << 20);
    server.leaseSeconds(3);
    Path classes = Path.of(HostileLab.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    RunnerConfig config = new RunnerConfig(server.uri(), "test-token", "hostile-suite", 2, target, workDir, 2, 1024,
        false, "bubblewrap", Optional.empty(), Duration.ofSeconds(20), Duration.ofSeconds(60), -1, List.of(), null)
        .withLab(LabDistribution.mainClass(List.of(classes), HostileLab.class.getName()));
    runner = new EmbeddedRunner(config);
    runner.start();
    assertThat(runner.status().isolation()).isEqualTo("FULL");
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

  @AfterEach
  void nothingOfTheJobStillRuns() throws IOException {
    assertThat(sandboxProcesses()).as("processes left in the slot uids").isEmpty();
  }

  @Test
  @Order(1)
  void normalJobSucceedsAndIsGradedByTheTrustedPhase() throws Exception {
    long id = submit("none", Map.of());
    CompleteRequest done = server.awaitCompletion(id, JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("score").asInt()).isEqualTo(1);
    assertThat(server.artifacts(id)).containsKey("answer.txt");
    List<JobEvent> events = server.events(id);
    assertThat(events).extracting(JobEvent::type).contains("phase", "progress", "metric", "log");
    assertThat(events).extracting(JobEvent::seq).startsWith(1L, 2L, 3L);
    assertThat(done.lastSeq()).isEqualTo(events.get(events.size() - 1).seq());
  }

  @Test
  void compileErrorNamesFileAndLine() throws Exception {
    CompleteRequest done = run("compile-error", Map.of());
    assertThat(done.outcome()).isEqualTo(Outcome.COMPILE_ERROR);
    assertThat(done.message()).contains("SoftVote.java:12: ';' expected").doesNotContain("\tat ");
  }

  @Test
  void runtimeErrorCarriesTheTrimmedException() throws Exception {
    CompleteRequest done = run("exception", Map.of());
    assertThat(done.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("IllegalStateException: weights do not sum to 1").doesNotContain("\tat ");
  }

  @Test
  void badInputIsReportedAsSuch() throws Exception {
    CompleteRequest done = run("bad-input", Map.of());
    assertThat(done.outcome()).isEqualTo(Outcome.BAD_INPUT);
    assertThat(done.message()).contains("params.numSeeds");
  }

  @Test
  void socketsReachNeitherTheHostLoopbackNorTheOutside() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      AtomicInteger accepted = new AtomicInteger();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            listener.accept().close();
            accepted.incrementAndGet();
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      CompleteRequest done = run("socket", Map.of("hostPort", Integer.toString(listener.getLocalPort())));
      assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
      assertThat(done.message()).contains("ConnectException").doesNotContain("ESCAPED");
      assertThat(accepted).hasValue(0);
    }
  }

  @Test
  void hostFilesOtherJobsAndTheTrustedJobFileAreInvisible() throws Exception {
    long id = nextJob.incrementAndGet();
    String trustedFile = workDir.resolve("jobs/job-" + id + "-a1-t0/trusted/job.json").toString();
    String checkout = Path.of("pom.xml").toAbsolutePath().toString();
    CompleteRequest done = run(id, "read-host", Map.of("secrets", String.join(",", checkout, trustedFile,
        hostSecrets.resolve("other-job-secret.txt").toString(), workDir.toString())), Map.of());
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("NoSuchFileException", "/etc/passwd").doesNotContain("ESCAPED");
  }

  @Test
  void writesOutsideTheJobDirectoryAreRefused() throws Exception {
    Path marker = hostSecrets.resolve("escaped-marker.txt");
    CompleteRequest done = run("write-outside", Map.of("targets", marker.toString()));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("Read-only file system").doesNotContain("ESCAPED");
    assertThat(marker).doesNotExist();
  }

  @Test
  void threadBombStopsAtTheProcessLimit() throws Exception {
    CompleteRequest done = run("threads", Map.of(), Map.of("maxProcesses", 64));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("more than 64 processes and threads");
  }

  @Test
  void processBombStopsAtTheProcessLimitAndLeavesNothingBehind() throws Exception {
    CompleteRequest done = run("processes", Map.of(), Map.of("maxProcesses", 64, "memoryMb", 512, "heapMb", 64));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("more than 64 processes and threads");
  }

  @Test
  void heapPastTheLimitIsAMemoryVerdict() throws Exception {
    CompleteRequest done = run("heap", Map.of(), Map.of("memoryMb", 256, "heapMb", 64));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.MEMORY_LIMIT_EXCEEDED);
    assertThat(done.message()).contains("64 MB Java heap");
  }

  @Test
  void nativeMemoryPastTheCgroupLimitIsAMemoryVerdict() throws Exception {
    CompleteRequest done = run("native", Map.of(), Map.of("memoryMb", 192, "heapMb", 48));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.MEMORY_LIMIT_EXCEEDED);
    assertThat(done.message()).isEqualTo("Your run used more than 192 MB of memory and was stopped.");
  }

  @Test
  void spinningPastTheCpuLimitIsACpuVerdict() throws Exception {
    CompleteRequest done = run("spin", Map.of(), Map.of("cpuSeconds", 2, "wallSeconds", 30));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.CPU_LIMIT_EXCEEDED);
    assertThat(done.message()).contains("more than 2 s of CPU time");
  }

  @Test
  void sleepingForeverHitsTheWallClock() throws Exception {
    CompleteRequest done = run("sleep", Map.of(), Map.of("wallSeconds", 3));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.TIME_LIMIT_EXCEEDED);
    assertThat(done.message()).contains("time limit of 3 s");
  }

  @Test
  void floodingStdoutHitsTheOutputCap() throws Exception {
    CompleteRequest done = run("flood", Map.of(), Map.of("outputBytes", 65536));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.OUTPUT_LIMIT_EXCEEDED);
    assertThat(done.message()).contains("more than 64 KB of output");
  }

  @Test
  void aForgedInternalErrorExitCostsAnAttemptInsteadOfAFreeRetry() throws Exception {
    CompleteRequest done = run("exit-1", Map.of());
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
  }

  @Test
  void aForgedSuccessExitWithoutResultsIsNotGraded() throws Exception {
    CompleteRequest done = run("exit-0-no-results", Map.of());
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("could not be graded", "answer.txt is missing");
  }

  @Test
  void aForgedResultFileAndASymlinkAreIgnoredByTheTrustedPhase() throws Exception {
    long id = nextJob.incrementAndGet();
    String trustedFile = workDir.resolve("jobs/job-" + id + "-a1-t0/trusted/job.json").toString();
    CompleteRequest done = run(id, "forge-result", Map.of("trustedFile", trustedFile), Map.of());
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("score").asInt()).as("graded from the hidden answer, not the forged file")
        .isEqualTo(0);
    assertThat(done.evaluation().path("given").asText()).isEqualTo("41");
    assertThat(done.evaluation().path("artifacts").asText()).isEqualTo("answer.txt evaluation.json");
    assertThat(server.events(id)).extracting(event -> event.data().path("message").asText())
        .anySatisfy(message -> assertThat(message).contains("stolen.txt (not a regular file)"));
  }

  @Test
  void cancelStopsTheRunAndSaysSo() throws Exception {
    long id = submit(nextJob.incrementAndGet(), "sleep", Map.of(), Map.of("wallSeconds", 60));
    long start = System.nanoTime();
    while (server.events(id).stream().noneMatch(e -> "run".equals(e.data().path("phase").asText()))) {
      Thread.sleep(50);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(JOB_TIMEOUT);
    }
    server.cancel(id);
    CompleteRequest done = server.awaitCompletion(id, Duration.ofSeconds(20));
    assertThat(done.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(done.message()).isEqualTo("The run was cancelled before it finished.");
  }

  @Test
  @Order(99)
  void afterEveryAttackTheRunnerIsUpAndANormalJobSucceeds() throws Exception {
    assertThat(runner.status()).isNotNull();
    assertThat(runner.status().lastError()).isNull();
    CompleteRequest done = run("none", Map.of());
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("score").asInt()).isEqualTo(1);
    assertThat(workDir.resolve("jobs")).isEmptyDirectory();
  }

  private CompleteRequest run(String attack, Map<String, String> params) throws Exception {
    return run(nextJob.incrementAndGet(), attack, params, Map.of());
  }

  private CompleteRequest run(String attack, Map<String, String> params, Map<String, Integer> limits) throws Exception {
    return run(nextJob.incrementAndGet(), attack, params, limits);
  }

  private CompleteRequest run(long id, String attack, Map<String, String> params, Map<String, Integer> limits)
      throws Exception {
    submit(id, attack, params, limits);
    CompleteRequest done = server.awaitCompletion(id, JOB_TIMEOUT);
    assertThat(done.message()).isNotBlank().isNotEqualToIgnoringCase("failed");
    assertThat(server.completeCalls(id)).isEqualTo(1);
    return done;
  }

  private long submit(String attack, Map<String, String> params) {
    return submit(nextJob.incrementAndGet(), attack, params, Map.of());
  }

  private long submit(long id, String attack, Map<String, String> params, Map<String, Integer> limits) {
    ObjectNode input = json.createObjectNode();
    input.put("seed", 7);
    ObjectNode p = input.putObject("params");
    p.put("attack", attack);
    params.forEach(p::put);
    input.putObject("hooks").put("SoftVote", "public class SoftVote { }");
    input.putObject("rubric");
    input.putObject("hidden").put("answer", "42");
    ObjectNode l = input.putObject("limits");
    l.put("wallSeconds", 20);
    l.put("heapMb", 96);
    l.put("maxProcesses", 128);
    l.put("outputBytes", 1 << 20);
    limits.forEach(l::put);
    ObjectNode resources = input.putObject("resources");
    resources.put("memoryMb", limits.getOrDefault("memoryMb", 256));
    server.enqueue(id, input);
    return id;
  }

  /**
   * Live processes of a slot uid (61000, 61001): there must be none once a job has completed. Zombies are left out:
   * this machine's init (process_api) does not reap orphans, so bwrap's exited namespace init stays a zombie.
   */
  private static List<String> sandboxProcesses() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("Uid:") && line.split("\\s+")[1].matches("6100[01]")
                && !Files.readString(proc.resolve("status")).contains("State:\tZ")) {
              found.add(proc.getFileName() + " " + Files.readAllLines(proc.resolve("status")).stream()
                  .filter(l -> l.startsWith("State") || l.startsWith("PPid") || l.startsWith("Name")).toList()
                  + " " + Files.readString(proc.resolve("cmdline")).replace('\0', ' '));
            }
          }
        } catch (IOException gone) {
          // exited while we looked
        }
      }
    }
    return found;
  }
}
