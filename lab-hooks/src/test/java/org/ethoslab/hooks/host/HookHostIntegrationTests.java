package org.ethoslab.hooks.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import org.ethoslab.contract.hook.HookSources;
import org.ethoslab.contract.hook.LoadReport;
import org.ethoslab.hooks.channel.HookClient;
import org.ethoslab.hooks.channel.HookMethods;
import org.ethoslab.hooks.channel.HookOutcome;
import org.ethoslab.hooks.channel.LocalHookHost;
import org.ethoslab.hooks.w2s.Voting;
import org.junit.jupiter.api.Test;

/** A real hook host process: compiling, loading, serving batches, and what student code can and cannot reach. */
class HookHostIntegrationTests {

  private static final String VOTING = Voting.class.getName();
  private static final Method COMBINE = HookMethods.of(Voting.class);

  private static LocalHookHost.Started start(String name, String source) throws Exception {
    return LocalHookHost.start(new HookSources(List.of(new HookSources.Source(name, VOTING, source))));
  }

  @Test
  void aHookAnswersABatchAndAThrowNamesTheStudentsLine() throws Exception {
    LocalHookHost.Started host = start("SoftVote", """
        public class SoftVote implements org.ethoslab.hooks.w2s.Voting {
          public double[] combine(double[][] p) {
            if (p.length == 0) {
              throw new IllegalArgumentException("no teachers");
            }
            double[] out = new double[p[0].length];
            for (double[] t : p) for (int c = 0; c < out.length; c++) out[c] += t[c] / p.length;
            return out;
          }
        }
        """);
    try (HookClient client = host.client()) {
      assertThat(host.report().status()).isEqualTo(LoadReport.Status.LOADED);
      List<HookOutcome> outcomes = client.call("SoftVote", COMBINE, List.of(
          new Object[] {new double[][] {{0.25, 0.75}, {0.75, 0.25}}}, new Object[] {new double[0][]}));
      assertThat((double[]) outcomes.get(0).value()).containsExactly(0.5, 0.5);
      assertThat(outcomes.get(1).error().describe())
          .isEqualTo("java.lang.IllegalArgumentException: no teachers (SoftVote.java:4)");
      assertThat(client.calls()).isEqualTo(2);
      assertThat(client.roundTrips()).isEqualTo(1);
    }
  }

  @Test
  void compileErrorsComeBackWithFileAndLine() throws Exception {
    LocalHookHost.Started host = start("SoftVote", """
        public class SoftVote implements org.ethoslab.hooks.w2s.Voting {
          public double[] combine(double[][] p) { return null }
        }
        """);
    try (HookClient client = host.client()) {
      assertThat(host.report().status()).isEqualTo(LoadReport.Status.COMPILE_ERROR);
      assertThat(host.report().problems().get(0).describe()).isEqualTo("SoftVote.java:2: ';' expected");
    }
  }

  @Test
  void theLabsAndTheirReferencesAreNotOnTheHostsClassPath() throws Exception {
    LocalHookHost.Started host = start("HardVote", """
        public class HardVote implements org.ethoslab.hooks.w2s.Voting {
          public double[] combine(double[][] p) {
            for (String name : new String[] {"org.ethoslab.labs.w2s.HardVoteReference",
                "org.ethoslab.labs.cli.LabsCli", "ai.djl.ndarray.NDArray"}) {
              try {
                Class.forName(name);
                return new double[] {-1};
              } catch (ClassNotFoundException expected) {
                // not reachable from here
              }
            }
            return new double[] {1, 0};
          }
        }
        """);
    try (HookClient client = host.client()) {
      List<HookOutcome> outcomes = client.call("HardVote", COMBINE, List.<Object[]>of(
          new Object[] {new double[][] {{1, 0}}}));
      assertThat((double[]) outcomes.get(0).value()).containsExactly(1, 0);
    }
  }

  @Test
  void aClassThatDoesNotImplementTheInterfaceOrThrowsWhileLoadingIsReported() throws Exception {
    LocalHookHost.Started wrong = start("SoftVote", "public class SoftVote { }");
    try (HookClient client = wrong.client()) {
      assertThat(wrong.report().status()).isEqualTo(LoadReport.Status.NOT_A_HOOK);
      assertThat(wrong.report().problems().get(0).message()).contains("must implement " + VOTING);
    }
    LocalHookHost.Started throwing = start("SoftVote", """
        public class SoftVote implements org.ethoslab.hooks.w2s.Voting {
          static { if (true) throw new IllegalStateException("boom"); }
          public double[] combine(double[][] p) { return null; }
        }
        """);
    try (HookClient client = throwing.client()) {
      assertThat(throwing.report().status()).isEqualTo(LoadReport.Status.THREW);
      assertThat(throwing.report().problems().get(0).describe())
          .isEqualTo("SoftVote.java:2: java.lang.IllegalStateException: boom (SoftVote.java:2)");
    }
  }
}
