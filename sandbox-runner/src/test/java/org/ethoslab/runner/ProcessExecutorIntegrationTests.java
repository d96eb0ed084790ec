package org.ethoslab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.fixtures.HostileHooks;
import org.ethoslab.runner.testsupport.RealServices;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite on the development-only process executor (isolation NONE, started with the unsandboxed
 * flag): the same verdicts from timers, rlimits and -Xmx, with no containment promised — except that a root runner
 * still drops student code to an unprivileged uid with an empty environment.
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

  @Test
  void unsandboxedStudentCodeRunsAsAnUnprivilegedUidAndReadsNoSecret() throws Exception {
    RealServices.requireRoot();
    CompleteRequest secrets = run("none", Map.of(), Map.of(), HostileHooks.SECRETS);
    assertThat(secrets.outcome()).as(secrets.message()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(secrets.message()).contains("/environ refused", "/etc/shadow refused").doesNotContain(" READ ");
    CompleteRequest privileges = run("none", Map.of(), Map.of(), HostileHooks.PRIVILEGES);
    assertThat(privileges.message()).contains("CapEff: 0000000000000000", "NoNewPrivs: 1")
        .containsPattern("Uid: 6200[01] ");
  }
}
