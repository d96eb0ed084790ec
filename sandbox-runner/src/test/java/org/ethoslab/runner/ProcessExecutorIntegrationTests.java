package org.ethoslab.runner;

/**
 * The conformance suite on the development-only process executor (isolation NONE, started with the
 * unsandboxed flag): the same verdicts from timers, rlimits and -Xmx, with no containment promised.
 */
class ProcessExecutorIntegrationTests extends ExecutorConformance {

  @Override
  protected String executor() {
    return "process";
  }

  @Override
  protected String expectedIsolation() {
    return "NONE";
  }

  @Override
  protected void checkPrerequisites() {
    // Plain child processes need nothing beyond the JDK.
  }
}
