package org.ethoslab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.JobEvent;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.fixtures.HostileLab;
import org.ethoslab.runner.testsupport.ProtocolTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runner against an app that fails: complete and events through an outage, a lease lost mid-run, a shutdown
 * mid-run. Uses the process executor (the protocol side does not depend on the sandbox).
 */
class RunnerFaultIntegrationTests {

  private final ObjectMapper json = new ObjectMapper();
  private ProtocolTestServer server;
  private EmbeddedRunner runner;

  @BeforeEach
  void start() throws IOException {
    server = new ProtocolTestServer("t", 1 << 20);
    server.leaseSeconds(3);
        runner = new EmbeddedRunner(new RunnerConfig(server.uri(), "t", "faults", 1, Path.of("target"),
        Path.of("target", "fault-work").toAbsolutePath(), 1, 512, true, "process", Optional.empty(),
        Duration.ofSeconds(30), Duration.ofSeconds(60), -1, List.of("hostile@1"), null)
        .withLab(ExecutorConformance.fixture()));
    runner.start();
  }

  @AfterEach
  void stop() {
    runner.stop();
    server.close();
  }

  @Test
  void completeAndEventsGetThroughAnOutageAndAreStoredOnce() throws Exception {
    server.failCompletes(2);
    server.failEvents(2);
    server.enqueue(1, input("none", 30));
    CompleteRequest done = server.awaitCompletion(1, Duration.ofSeconds(60));
    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(server.completeCalls(1)).isEqualTo(3);
    assertThat(server.events(1)).extracting(JobEvent::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, done.lastSeq()).boxed().toList());
  }

  @Test
  void aLostLeaseStopsTheJobWithoutCompletingIt() throws Exception {
    server.enqueue(2, input("sleep", 60));
    awaitPhase(2, "run");
    server.loseLease(2);
    long start = System.nanoTime();
    while (!runner.status().runningJobs().isEmpty()) {
      Thread.sleep(100);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
    assertThat(server.completeCalls(2)).isZero();
    assertThat(childrenRunning()).isEmpty();
    server.enqueue(3, input("none", 30));
    assertThat(server.awaitCompletion(3, Duration.ofSeconds(60)).outcome()).isEqualTo(Outcome.SUCCEEDED);
  }

  @Test
  void shutdownStopsARunningJobAsAnInfrastructureError() throws Exception {
    server.enqueue(4, input("sleep", 60));
    awaitPhase(4, "run");
    runner.stop();
    CompleteRequest done = server.awaitCompletion(4, Duration.ofSeconds(5));
    assertThat(done.outcome()).isEqualTo(Outcome.INFRASTRUCTURE_ERROR);
    assertThat(done.message()).contains("shut down");
    assertThat(childrenRunning()).isEmpty();
  }

  private void awaitPhase(long id, String phase) throws InterruptedException {
    long start = System.nanoTime();
    while (server.events(id).stream().noneMatch(e -> phase.equals(e.data().path("phase").asText()))) {
      Thread.sleep(50);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }
    Thread.sleep(500);
  }

  /** HostileLab processes this JVM started that still run. */
  private static List<ProcessHandle> childrenRunning() {
    try (Stream<ProcessHandle> all = ProcessHandle.current().descendants()) {
      return all.filter(p -> p.info().commandLine().orElse("").contains(HostileLab.class.getName())).toList();
    }
  }

  private ObjectNode input(String attack, int wallSeconds) {
    ObjectNode input = json.createObjectNode();
    input.putObject("params").put("attack", attack);
    input.putObject("hidden").put("answer", "42");
    input.putObject("resources").put("memoryMb", 256);
    input.putObject("limits").put("wallSeconds", wallSeconds);
    return input;
  }
}
