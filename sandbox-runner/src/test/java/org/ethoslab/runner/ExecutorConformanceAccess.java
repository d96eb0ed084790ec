package org.ethoslab.runner;

import org.ethoslab.runner.job.LabDistribution;

/** The conformance suite's fixture distribution, for the runner's benchmarks in other packages. */
public final class ExecutorConformanceAccess {

  private ExecutorConformanceAccess() {
  }

  /** {@link org.ethoslab.runner.fixtures.HostileLab} as the labs CLI and the real hook host. */
  public static LabDistribution fixture() {
    return ExecutorConformance.fixture();
  }
}
