package org.ethoslab.labs.w2s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.ethoslab.hooks.w2s.Voting;
import org.ethoslab.labs.core.StudentHooks;
import org.junit.jupiter.api.Test;

class VotingTests {

  @Test
  void softVoteIsTheMeanProbability() {
    double[] p = new SoftVoteReference().combine(new double[][] {{0.9, 0.1}, {0.4, 0.6}, {0.2, 0.8}});
    // class 0: (0.9 + 0.4 + 0.2) / 3 = 0.5; class 1: (0.1 + 0.6 + 0.8) / 3 = 0.5
    assertThat(p[0]).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(p[1]).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void hardVoteIsTheMajorityOfArgmax() {
    // argmax votes: 0, 1, 1 → class 1, even though the mean probability favours class 0 (0.63 vs 0.37)
    double[] p = new HardVoteReference().combine(new double[][] {{0.99, 0.01}, {0.45, 0.55}, {0.45, 0.55}});
    assertThat(p).containsExactly(0.0, 1.0);
  }

  @Test
  void hardVoteBreaksTiesTowardTheLowerClass() {
    // one vote each → class 0; a teacher at exactly 0.5/0.5 votes for class 0
    assertThat(new HardVoteReference().combine(new double[][] {{0.2, 0.8}, {0.7, 0.3}})).containsExactly(1.0, 0.0);
    assertThat(new HardVoteReference().combine(new double[][] {{0.5, 0.5}})).containsExactly(1.0, 0.0);
    assertThat(new HardVoteReference().combine(new double[][] {{0.1, 0.2, 0.7}, {0.1, 0.8, 0.1}}))
        .containsExactly(0.0, 1.0, 0.0);
  }

  @Test
  void probesAgreeWithTheReferenceAndCatchAWrongHook() throws Exception {
    long seed = 42;
    List<double[][]> inputs = HookProbes.inputs(seed);
    assertThat(inputs).hasSize(HookProbes.COUNT);
    assertThat(HookProbes.inputs(seed).get(3)).isDeepEqualTo(inputs.get(3));
    // "hard voting" without the tie rule: ties go to the higher class
    Voting tiesUp = teacherProbs -> {
      int[] votes = new int[teacherProbs[0].length];
      for (double[] t : teacherProbs) {
        votes[t[1] >= t[0] ? 1 : 0]++;
      }
      double[] out = new double[teacherProbs[0].length];
      out[votes[1] >= votes[0] ? 1 : 0] = 1;
      return out;
    };
    Map<String, Double> agreement = HookProbes.agreement(StudentHooks.standIns(Map.of(
        "SoftVote", new SoftVoteReference(), "HardVote", tiesUp)), inputs);
    assertThat(agreement.get("SoftVote")).isEqualTo(1.0);
    assertThat(agreement.get("HardVote")).isLessThan(1.0);
    assertThat(HookProbes.agreement(StudentHooks.none(), inputs)).as("nothing submitted, nothing earned")
        .containsEntry("SoftVote", 0.0).containsEntry("HardVote", 0.0);
  }
}
