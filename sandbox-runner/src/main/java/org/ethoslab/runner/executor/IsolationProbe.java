package org.ethoslab.runner.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ethoslab.runner.sandbox.Canary;
import org.ethoslab.runner.sandbox.CgroupHierarchy;
import org.ethoslab.runner.sandbox.JobLimits;
import org.ethoslab.runner.sandbox.StandaloneClass;

/**
 * Runs the {@link Canary} through the real bubblewrap chain once at start. The result decides the isolation level:
 * the chain must start, the canary must find the host's files and network out of reach and its directory writable.
 */
final class IsolationProbe {

  /** The canary's verdict: {@code contained} only when every check held; {@code detail} says what happened. */
  record Result(boolean contained, String detail) {
  }

  private IsolationProbe() {
  }

  static Result run(ExecutorSettings settings, Optional<CgroupHierarchy> cgroups, boolean dropPrivileges,
                    List<Path> jdkMounts) {
    if (!Files.isExecutable(BubblewrapExecutor.BWRAP)) {
      return new Result(false, BubblewrapExecutor.BWRAP + " is not installed (Debian/Ubuntu: apt-get install bubblewrap)");
    }
    Path base = settings.scratch().resolve("canary-" + ProcessHandle.current().pid());
    BubblewrapExecutor executor = new BubblewrapExecutor(settings, cgroups, dropPrivileges, jdkMounts, 0, SandboxRole.TRAINER);
    try {
      Path classes = StandaloneClass.copy(Canary.class, base.resolve("classes"));
      Path privateDir = base.resolve("private");
      Files.createDirectories(privateDir);
      Path secret = Files.writeString(privateDir.resolve("host-secret"), "must not be visible inside");
      JobLimits limits = JobLimits.of(1, 256, Duration.ofSeconds(60)).withHeapMb(64);
      executor.prepare(new SandboxRequest("canary-" + ProcessHandle.current().pid(), base.resolve("job"), privateDir,
          limits, List.of(classes), 0));
      List<String> lines = Collections.synchronizedList(new ArrayList<>());
      StageOutcome outcome = executor.run(new StageCommand(
          List.of("-Xmx64m", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-Xshare:auto"),
          List.of("-cp", classes.toString(), Canary.class.getName(), BubblewrapExecutor.JOB_DIR_INSIDE,
              secret.toString()),
          Map.of("HOME", BubblewrapExecutor.JOB_DIR_INSIDE, "LANG", "C.UTF-8")),
          (stderr, line) -> lines.add(line), new StopSignal());
      if (outcome.setupFailed()) {
        return new Result(false, "bubblewrap could not set up the sandbox: " + outcome.setupDetail());
      }
      boolean contained = outcome.process().exitCode() == 0 && lines.contains(Canary.OK);
      return new Result(contained, contained ? "canary contained" : "canary exit " + outcome.process().exitCode()
          + ": " + String.join(" | ", lines) + " " + outcome.process().stderrHead().strip());
    } catch (IOException | ExecutorException | RuntimeException e) {
      return new Result(false, "canary run failed: " + e.getMessage());
    } finally {
      executor.finish();
      executor.cleanup();
      DirectoryTree.delete(base);
    }
  }
}
