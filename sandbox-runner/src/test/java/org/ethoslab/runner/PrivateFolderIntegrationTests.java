package org.ethoslab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ethoslab.contract.hook.HookFrame;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.hooks.host.HookHost;
import org.ethoslab.runner.executor.DirectoryTree;
import org.ethoslab.runner.fixtures.HostileHooks;
import org.ethoslab.runner.fixtures.HostileLab;
import org.ethoslab.runner.job.LabDistribution;
import org.ethoslab.runner.testsupport.ProtocolTestServer;
import org.ethoslab.runner.testsupport.RealServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A runner whose work directory and labs build sit inside a folder no other user may enter (mode 0700, as
 * {@code mktemp -d} or many home directories make): the sandbox uids could not reach either, so the runner keeps its
 * jobs in a directory they can reach and mirrors the build there — and still reaches FULL and runs student code.
 */
class PrivateFolderIntegrationTests {

  private final ObjectMapper json = new ObjectMapper();
  private Path folder;
  private Path chosen;

  @AfterEach
  void removeFolders() {
    for (Path dir : new Path[] {folder, chosen}) {
      if (dir != null) {
        DirectoryTree.delete(dir);
      }
    }
  }

  @Test
  void aRunnerInsideAFolderOthersCannotEnterStillReachesFullIsolationAndRunsStudentCode() throws Exception {
    RealServices.requireBubblewrap();
    RealServices.requireRoot();
    folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "private-");
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    Path fixtures = copy(ExecutorConformance.codeOf(HostileLab.class), folder.resolve("fixtures"));
    Path hooks = copy(ExecutorConformance.codeOf(HookHost.class), folder.resolve("hook-api"));
    Path contract = copy(ExecutorConformance.codeOf(HookFrame.class), folder.resolve("contract"));
    LabDistribution lab = LabDistribution.mainClass(List.of(fixtures, hooks, contract), HostileLab.class.getName(),
        List.of(hooks, contract));
    try (ProtocolTestServer server = new ProtocolTestServer("t", 1 << 20)) {
      RunnerConfig config = new RunnerConfig(server.uri(), "t", "private", 1, folder, folder.resolve("work"), 1, 512,
          false, "auto", Optional.empty(), Duration.ofSeconds(30), Duration.ofSeconds(60), -1, List.of(), null)
          .withLab(lab);
      try (EmbeddedRunner runner = new EmbeddedRunner(config)) {
        runner.start();
        assertThat(runner.status().isolation()).as(runner.status().isolationDetail()).isEqualTo("FULL");
        chosen = runner.workDir();
        assertThat(chosen).as("jobs live where the sandbox uids can reach them").isNotEqualTo(folder.resolve("work"));
        ObjectNode input = json.createObjectNode();
        input.putObject("params").put("attack", "none");
        input.putObject("hooks").put("SoftVote", HostileHooks.ANSWER_42);
        input.putObject("hidden").put("answer", "42");
        input.putObject("resources").put("memoryMb", 256);
        input.putObject("limits").put("heapMb", 96);
        server.enqueue(1, input);
        CompleteRequest done = server.awaitCompletion(1, Duration.ofSeconds(90));
        assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(done.evaluation().path("score").asInt()).isEqualTo(1);
      }
    }
  }

  /** A copy of a jar or a class folder, with the umask's modes: readable by its owner, root. */
  private static Path copy(Path source, Path target) throws IOException {
    if (Files.isRegularFile(source)) {
      Files.createDirectories(target);
      return Files.copy(source, target.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    try (Stream<Path> files = Files.walk(source)) {
      for (Path from : files.toList()) {
        Path to = target.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return target;
  }
}
