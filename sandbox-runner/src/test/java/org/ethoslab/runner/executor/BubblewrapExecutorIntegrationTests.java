package org.ethoslab.runner.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ethoslab.runner.sandbox.CgroupHierarchy;
import org.ethoslab.runner.sandbox.JdkMounts;
import org.ethoslab.runner.sandbox.JobLimits;
import org.ethoslab.runner.testsupport.RealServices;
import org.junit.jupiter.api.Test;

/** The executor alone: bwrap's status tells its own setup failure from the program's exit 1. */
class BubblewrapExecutorIntegrationTests {

  @Test
  void aSandboxThatCannotBeBuiltIsASetupFailureNotTheProgramsExit() throws Exception {
    RealServices.requireBubblewrap();
    ExecutorSettings settings = ExecutorSettings.defaults(1, Path.of("target", "executor-scratch").toAbsolutePath());
    Path base = Files.createDirectories(settings.scratch());
    StageOutcome broken = runJavaVersion(settings, base.resolve("broken"), List.of(Path.of("/does/not/exist")));
    assertThat(broken.setupFailed()).isTrue();
    assertThat(broken.setupDetail()).contains("/does/not/exist");

    StageOutcome fine = runJavaVersion(settings, base.resolve("fine"), List.of());
    assertThat(fine.setupFailed()).isFalse();
    assertThat(fine.process().exitCode()).isZero();
  }

  private static StageOutcome runJavaVersion(ExecutorSettings settings, Path dir, List<Path> readOnly)
      throws Exception {
    boolean root = BubblewrapExecutorProvider.runningAsRoot();
    Optional<CgroupHierarchy> cgroups = root ? CgroupHierarchy.detect() : Optional.empty();
    BubblewrapExecutor executor = new BubblewrapExecutor(settings, cgroups, root,
        JdkMounts.of(settings.javaHome()), 0);
    try {
      executor.prepare(new SandboxRequest("executor-test", dir.resolve("job"), dir.resolve("private"),
          JobLimits.of(1, 256, Duration.ofSeconds(30)).withHeapMb(64), readOnly, 0));
      return executor.run(new StageCommand(List.of("-Xmx64m"), List.of("-version"), Map.of()),
          (stderr, line) -> { }, new StopSignal());
    } finally {
      executor.finish();
      executor.cleanup();
      cgroups.ifPresent(CgroupHierarchy::close);
      IsolationProbe.deleteTree(dir);
    }
  }
}
