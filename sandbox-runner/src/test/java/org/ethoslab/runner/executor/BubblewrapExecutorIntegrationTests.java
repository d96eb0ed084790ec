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
import org.junit.jupiter.api.Assumptions;
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

  /**
   * A GPU job's device files appear in its sandbox and nothing else does. The stand-in "GPU" is a character device
   * with the null device's numbers, named like an NVIDIA one, so the test needs root (mknod) but no GPU.
   */
  @Test
  void boundDevicesAreUsableInTheSandboxAndOthersAreAbsent() throws Exception {
    RealServices.requireBubblewrap();
    Assumptions.assumeTrue(ExecutorSettings.runningAsRoot(), "creating a device node (mknod) needs root");
    ExecutorSettings settings = ExecutorSettings.defaults(1, Path.of("target", "executor-scratch").toAbsolutePath());
    Path dir = Files.createDirectories(settings.scratch().resolve("devices"));
    Path device = mknodNull(dir.resolve("nvidia0"));
    Path unbound = mknodNull(dir.resolve("nvidia1"));
    Optional<CgroupHierarchy> cgroups = CgroupHierarchy.detect();
    BubblewrapExecutor executor = new BubblewrapExecutor(settings, cgroups, true, JdkMounts.of(settings.javaHome()), 0,
        SandboxRole.TRAINER);
    Path job = dir.resolve("job");
    try {
      executor.prepare(new SandboxRequest("device-test", job, dir.resolve("private"),
          JobLimits.of(1, 512, Duration.ofSeconds(60)).withHeapMb(128), List.of(), 0, List.of(device), null));
      // Writes to the bound device (exit 1 with an exception if it is missing); exit 7 if the unbound one is visible.
      Files.writeString(job.resolve("Check.java"), String.join("\n",
          "import java.nio.file.*;",
          "public class Check {",
          "  public static void main(String[] a) throws Exception {",
          "    Files.write(Path.of(a[0]), new byte[] {1});",
          "    System.exit(Files.exists(Path.of(a[1])) ? 7 : 0);",
          "  }",
          "}"));
      StageOutcome outcome = executor.run(new StageCommand(List.of("-Xmx128m"),
          List.of(executor.jobDirInside() + "/Check.java", device.toString(), unbound.toString()), Map.of()),
          (stderr, line) -> { }, new StopSignal());
      assertThat(outcome.setupFailed()).as(outcome.setupDetail()).isFalse();
      assertThat(outcome.process().exitCode()).as(outcome.process().stderrHead()).isZero();
    } finally {
      executor.finish();
      executor.cleanup();
      cgroups.ifPresent(CgroupHierarchy::close);
      DirectoryTree.delete(dir);
    }
  }

  private static Path mknodNull(Path path) throws Exception {
    Files.deleteIfExists(path);
    Process mknod = new ProcessBuilder("mknod", "-m", "666", path.toString(), "c", "1", "3").start();
    assertThat(mknod.waitFor()).as("mknod " + path).isZero();
    return path;
  }

  private static StageOutcome runJavaVersion(ExecutorSettings settings, Path dir, List<Path> readOnly)
      throws Exception {
    boolean root = ExecutorSettings.runningAsRoot();
    Optional<CgroupHierarchy> cgroups = root ? CgroupHierarchy.detect() : Optional.empty();
    BubblewrapExecutor executor = new BubblewrapExecutor(settings, cgroups, root,
        JdkMounts.of(settings.javaHome()), 0, SandboxRole.TRAINER);
    try {
      executor.prepare(new SandboxRequest("executor-test", dir.resolve("job"), dir.resolve("private"),
          JobLimits.of(1, 256, Duration.ofSeconds(30)).withHeapMb(64), readOnly, 0));
      return executor.run(new StageCommand(List.of("-Xmx64m"), List.of("-version"), Map.of()),
          (stderr, line) -> { }, new StopSignal());
    } finally {
      executor.finish();
      executor.cleanup();
      cgroups.ifPresent(CgroupHierarchy::close);
      DirectoryTree.delete(dir);
    }
  }
}
