package org.ethoslab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.fixtures.HostileHooks;
import org.ethoslab.runner.testsupport.RealServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile student code through the real sandboxes (bubblewrap, cgroups, setpriv, prlimit, seccomp) and the whole
 * runner. Besides the verdicts of {@link ExecutorConformance}: the hook host reaches no socket, no host file and
 * no other sandbox; thread and process bombs and native memory stop at its limits; both sandboxes run unprivileged
 * under the seccomp filter; a kill from outside the job of any of its three processes costs the student nothing;
 * a run that leaves 300,000 files or oversized ones is capped; nothing of a job survives it.
 */
class HostileSubmissionIntegrationTests extends ExecutorConformance {

  private Path hostSecrets;

  @Override
  protected String executor() {
    return "bubblewrap";
  }

  @Override
  protected String expectedIsolation() {
    return "FULL";
  }

  @Override
  protected void checkPrerequisites() {
    RealServices.requireBubblewrap();
    RealServices.requireRoot();
  }

  @BeforeAll
  void hostFiles() throws IOException {
    hostSecrets = Files.createDirectories(Path.of("target", "hostile-host-files").toAbsolutePath());
    Files.writeString(hostSecrets.resolve("other-job-secret.txt"), "another student's job");
  }

  @AfterEach
  void nothingOfTheJobStillRuns() throws IOException {
    assertThat(sandboxProcesses(p -> true)).as("processes left in the slot uids").isEmpty();
  }

  @Test
  void theHookHostRunsUnprivilegedUnderSeccompAsAUidOfItsOwn() throws Exception {
    CompleteRequest done = run("none", Map.of(), Map.of(), HostileHooks.PRIVILEGES);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("CapEff: 0000000000000000", "CapBnd: 0000000000000000", "NoNewPrivs: 1",
        "Seccomp: 2").containsPattern("Uid: 6200[01] ");
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
      CompleteRequest done = run("none", Map.of(), Map.of(), HostileHooks.socket(listener.getLocalPort()));
      assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
      assertThat(done.message()).contains("ConnectException").doesNotContain("ESCAPED");
      assertThat(accepted).hasValue(0);
    }
  }

  @Test
  void hostFilesTheTrainersResultsOtherJobsAndTheTrustedJobFileAreInvisible() throws Exception {
    long id = nextJob.incrementAndGet();
    String trustedFile = workDir.resolve("jobs/job-" + id + "-a1-t0/trusted/job.json").toString();
    String trainerOut = workDir.resolve("jobs/job-" + id + "-a1-t0/sandbox/out").toString();
    String checkout = Path.of("pom.xml").toAbsolutePath().toString();
    CompleteRequest done = run(id, "none", Map.of(), Map.of(), HostileHooks.readHost(checkout, trustedFile, trainerOut,
        hostSecrets.resolve("other-job-secret.txt").toString(), workDir.resolve("jobs").toString()));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("NoSuchFileException", "/etc/passwd").doesNotContain("ESCAPED");
  }

  @Test
  void writesOutsideTheHostsOwnDirectoryAreRefused() throws Exception {
    Path marker = hostSecrets.resolve("escaped-marker.txt");
    CompleteRequest done = run("none", Map.of(), Map.of(), HostileHooks.writeOutside(marker.toString(),
        "/job/out/answer.txt"));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(done.message()).contains("Read-only file system").doesNotContain("ESCAPED");
    assertThat(marker).doesNotExist();
  }

  @Test
  void threadAndProcessBombsStopAtTheHostsProcessLimit() throws Exception {
    CompleteRequest threads = run("none", Map.of(), Map.of(), HostileHooks.THREADS);
    assertThat(threads.outcome()).as(threads.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(threads.message()).contains("more than 128 processes and threads");
    CompleteRequest processes = run("none", Map.of(), Map.of(), HostileHooks.PROCESSES);
    assertThat(processes.outcome()).as(processes.message()).isIn(Outcome.RUNTIME_ERROR, Outcome.MEMORY_LIMIT_EXCEEDED);
    assertThat(processes.message()).containsAnyOf("more than 128 processes and threads", "MB of memory",
        "Resource temporarily unavailable", "Cannot run program");
  }

  @Test
  void nativeMemoryPastTheHostsCgroupIsAMemoryVerdict() throws Exception {
    CompleteRequest done = run("none", Map.of(), Map.of(), HostileHooks.NATIVE);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.MEMORY_LIMIT_EXCEEDED);
    assertThat(done.message()).isEqualTo("Your code needed more than its 512 MB of memory (256 MB Java heap) and "
        + "was stopped.");
  }

  @Test
  void killingTheHookHostFromOutsideCostsNothingAndTheRetrySucceeds() throws Exception {
    assertAnOutsideKillIsRetried(cmd -> java(cmd) && cmd.contains("org.ethoslab.hooks.host.HookHost"), "none",
        Map.of());
  }

  @Test
  void killingTheTrainerFromOutsideCostsNothingAndTheRetrySucceeds() throws Exception {
    assertAnOutsideKillIsRetried(cmd -> java(cmd) && cmd.contains("HostileLab run"), "slow",
        Map.of("millis", "4000"));
  }

  @Test
  void killingTheEvaluatorFromOutsideCostsNothingAndTheRetrySucceeds() throws Exception {
    assertAnOutsideKillIsRetried(cmd -> java(cmd) && cmd.contains("HostileLab evaluate"), "evaluate-slow",
        Map.of("millis", "4000"));
  }

  /** The JVM itself, not the sh, setpriv, prlimit or bwrap in front of it. */
  private static boolean java(String cmdline) {
    return cmdline.split(" ", 2)[0].endsWith("/bin/java");
  }

  /**
   * Starts a job whose hook answers slowly, SIGKILLs the process {@code which} picks the first time it shows up —
   * as an operator or the machine would — and expects the runner to retry the job, which then succeeds.
   */
  private void assertAnOutsideKillIsRetried(Predicate<String> which, String attack, Map<String, String> params)
      throws Exception {
    long id = submit(nextJob.incrementAndGet(), attack, params, Map.of(), HostileHooks.slow(2000));
    long start = System.nanoTime();
    List<ProcessHandle> target = List.of();
    while (target.isEmpty()) {
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(JOB_TIMEOUT);
      Thread.sleep(100);
      target = processes(which);
    }
    Thread.sleep(500);
    target.forEach(ProcessHandle::destroyForcibly);
    CompleteRequest done = server.awaitCompletion(id, JOB_TIMEOUT);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("score").asInt()).isEqualTo(1);
    assertThat(server.events(id)).extracting(e -> e.data().path("phase").asText()).contains("retry");
    assertThat(server.events(id)).filteredOn(e -> "retry".equals(e.data().path("phase").asText())).singleElement()
        .satisfies(e -> assertThat(e.data().path("message").asText()).startsWith("The platform failed ("));
  }

  @Test
  void threeHundredThousandFilesInTheHookHostAreTheStudentsOwnProblem() throws Exception {
    CompleteRequest done = run("none", Map.of(), Map.of("wallSeconds", 60), HostileHooks.MANY_FILES);
    assertThat(done.outcome()).as(done.message()).isIn(Outcome.RUNTIME_ERROR, Outcome.MEMORY_LIMIT_EXCEEDED);
    assertThat(done.message()).doesNotContain("ESCAPED");
  }

  @Test
  void aRunThatLeavesThousandsOfFilesIsCappedAndStillGraded() throws Exception {
    long id = nextJob.incrementAndGet();
    CompleteRequest done = run(id, "many-files", Map.of("files", "5000"), Map.of("wallSeconds", 60),
        HostileHooks.ANSWER_42);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(server.artifacts(id).size()).isLessThanOrEqualTo(1000);
    assertThat(server.events(id)).anySatisfy(e -> assertThat(e.data().path("message").asText())
        .contains("the rest was not looked at"));
  }

  @Test
  void oversizedArtifactsAreNeitherCopiedNorUploaded() throws Exception {
    long id = nextJob.incrementAndGet();
    CompleteRequest done = run(id, "big-files", Map.of("mb", "30"), Map.of("wallSeconds", 60),
        HostileHooks.ANSWER_42);
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(server.artifacts(id)).containsOnlyKeys("answer.txt");
    assertThat(server.events(id)).filteredOn(e -> e.data().path("message").asText().startsWith("Artifact not "
        + "collected: big")).hasSize(4);
  }

  /** Live processes of this suite's jobs (slot uids; command line naming the fixture, the host or the work dir). */
  private List<ProcessHandle> processes(Predicate<String> which) throws IOException {
    List<ProcessHandle> found = new ArrayList<>();
    for (String line : sandboxProcesses(which)) {
      ProcessHandle.of(Long.parseLong(line.split(" ", 2)[0])).ifPresent(found::add);
    }
    return found;
  }

  /**
   * Live processes of this suite's jobs (run as a slot or host uid, their command line naming the fixture, the hook
   * host or this suite's work directory) that {@code which} accepts: there must be none once a job has completed.
   * Zombies are left out: bwrap's namespace init can exit after the outer bwrap, and this machine's init reaps such
   * orphans only a while later.
   */
  private List<String> sandboxProcesses(Predicate<String> which) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String status = Files.readString(proc.resolve("status"));
          String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
          boolean slotUid = status.lines().anyMatch(line -> line.matches("Uid:\\s+(6100[01]|6200[01]|60999)\\s.*"));
          boolean ours = cmdline.contains("HostileLab") || cmdline.contains("HookHost")
              || cmdline.contains(workDir.toString());
          if (slotUid && ours && !status.contains("State:\tZ") && which.test(cmdline)) {
            found.add(proc.getFileName() + " " + cmdline);
          }
        } catch (IOException gone) {
          // exited while we looked
        }
      }
    }
    return found;
  }
}
