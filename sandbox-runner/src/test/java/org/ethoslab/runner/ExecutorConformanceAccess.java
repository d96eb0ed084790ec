package org.ethoslab.runner;

import java.nio.file.Path;
import org.ethoslab.runner.executor.ExecutorSettings;
import org.ethoslab.runner.job.LabDistribution;

/** The conformance suite's fixture distribution, for the runner's benchmarks in other packages. */
public final class ExecutorConformanceAccess {

  private ExecutorConformanceAccess() {
  }

  /** {@link org.ethoslab.runner.fixtures.HostileLab} as the labs CLI and the real hook host. */
  public static LabDistribution fixture() {
    return ExecutorConformance.fixture();
  }

  /** A work directory and the fixture distribution as a runner sets them up: see {@link #setUp(Path)}. */
  public record RunnerSetup(Path workDir, LabDistribution lab, Path channelRoot) {
  }

  /**
   * The fixture set up as a runner started with work directory {@code work} would: directories the sandbox uids can
   * reach, and a mirror of the distribution where they could not read it (a jar in a 0700 Maven repository).
   */
  public static RunnerSetup setUp(Path work) {
    LabDistribution lab = fixture();
    RunnerDirectories dirs = RunnerDirectories.prepare(work, ExecutorSettings.runningAsRoot(), lab.sources());
    return new RunnerSetup(dirs.workDir(), lab.relocated(dirs.moved()), dirs.channelRoot());
  }
}
