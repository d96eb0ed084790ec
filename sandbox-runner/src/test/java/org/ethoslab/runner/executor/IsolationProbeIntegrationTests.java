package org.ethoslab.runner.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ethoslab.runner.sandbox.IsolationLevel;
import org.ethoslab.runner.testsupport.RealServices;
import org.junit.jupiter.api.Test;

class IsolationProbeIntegrationTests {

  @Test
  void canaryThroughTheRealChainReachesTheBestLevelThisMachineAllows() {
    RealServices.requireBubblewrap();
    ExecutorSettings settings = ExecutorSettings.defaults(1, Path.of("target", "probe-scratch").toAbsolutePath());
    try (ExecutorProvider provider = ExecutorRegistry.detect(settings)) {
      assertThat(provider.name()).isEqualTo("bubblewrap");
      IsolationLevel expected = ExecutorSettings.runningAsRoot() && provider.features().cgroups()
          ? IsolationLevel.FULL : IsolationLevel.NAMESPACES_ONLY;
      assertThat(provider.features().isolation()).as(provider.features().detail()).isEqualTo(expected);
    }
  }
}
