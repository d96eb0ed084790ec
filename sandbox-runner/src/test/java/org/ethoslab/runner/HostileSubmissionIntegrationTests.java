package org.ethoslab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.ethoslab.runner.protocol.CompleteRequest;
import org.ethoslab.runner.protocol.Outcome;
import org.ethoslab.runner.testsupport.RealServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile submissions through the real sandbox (bubblewrap, cgroups, setpriv, prlimit) and the whole runner. Besides
 * the verdicts of {@link ExecutorConformance}: sockets, host files, writes outside the job directory, thread and
 * process bombs, native memory and forged result files must all be contained; nothing of a job survives it.
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

  @Test
  void theRunHasNoCapabilitiesNoNewPrivilegesAndASeccompFilter() throws Exception {
    CompleteRequest done = run("privileges", Map.of());
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.evaluation().path("given").asText()).contains("CapEff: 0000000000000000",
        "CapBnd: 0000000000000000", "NoNewPrivs: 1", "Seccomp: 2");
  }

  @AfterEach
  void nothingOfTheJobStillRuns() throws IOException {
    assertThat(sandboxProcesses()).as("processes left in the slot uids").isEmpty();
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
        hostSecrets.resolve("other-job-secret.txt").toString(), workDir.resolve("jobs").toString())), Map.of());
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
  void nativeMemoryPastTheCgroupLimitIsAMemoryVerdict() throws Exception {
    CompleteRequest done = run("native", Map.of(), Map.of("memoryMb", 192, "heapMb", 48));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.MEMORY_LIMIT_EXCEEDED);
    assertThat(done.message()).isEqualTo("Your run used more than 192 MB of memory and was stopped.");
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

  /**
   * Live processes of this suite's jobs (run as a slot uid, their command line naming the fixture or this suite's
   * work directory): there must be none once a job has completed. Other runners on the machine (the app's tests) use
   * the same slot uids, hence the command-line filter. Zombies are left out: bwrap's namespace init can exit after
   * the outer bwrap, and this machine's init (process_api) reaps such orphans only a while later.
   */
  private List<String> sandboxProcesses() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String status = Files.readString(proc.resolve("status"));
          String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
          boolean slotUid = status.lines().anyMatch(line -> line.matches("Uid:\\s+6100[01]\\s.*"));
          boolean ours = cmdline.contains("HostileLab") || cmdline.contains(workDir.toString());
          if (slotUid && ours && !status.contains("State:\tZ")) {
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
