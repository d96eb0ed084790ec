package org.ethoslab.labs.merging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.ethoslab.hooks.ParameterTree;
import org.ethoslab.hooks.merging.MergeSettings;
import org.ethoslab.labs.core.StudentHooks;
import org.junit.jupiter.api.Test;

/** Every merge formula on small hand-made tensors against values worked out by hand (in the comments). */
class MergeFormulaTests {
  private static final double EPS = 1e-6;

  private static ParameterTree tree(float... w) {
    return new ParameterTree(Map.of("w", new ParameterTree.Tensor(new long[] {w.length}, w)));
  }

  private static MergeSettings settings(double alpha, double[] weights, double lambda, double density,
                     boolean dareTies, double t) {
    return new MergeSettings(alpha, weights, lambda, density, dareTies, t, 42);
  }

  private static void assertValues(ParameterTree merged, double... expected) {
    float[] got = merged.get("w").values();
    assertThat(got).hasSize(expected.length);
    for (int j = 0; j < expected.length; j++) {
      assertThat((double) got[j]).as("entry %d", j).isCloseTo(expected[j], within(EPS));
    }
  }

  @Test
  void mergeAlignInterpolatesDomainAndAlignmentVectors() {
    // tau_D = [2, 0], tau_A = [0, 4]; alpha 0.25: [1, 2] + 0.25*[2, 0] + 0.75*[0, 4] = [1.5, 5]
    ParameterTree merged = new MergeAlignReference().merge(tree(1, 2), List.of(tree(3, 2), tree(1, 6)),
        settings(0.25, new double[] {1, 1}, 1, 1, false, 0));
    assertValues(merged, 1.5, 5);
  }

  @Test
  void taskArithmeticScalesTheWeightedSumOfTaskVectors() {
    // 2 * (1*[1, -2, 3] + 0.5*[2, 2, -1]) = 2 * [2, -1, 2.5] = [4, -2, 5], added to base [1, 1, 1]
    ParameterTree merged = new TaskArithmeticReference().merge(tree(1, 1, 1),
        List.of(tree(2, -1, 4), tree(3, 3, 0)), settings(0, new double[] {1, 0.5}, 2, 1, false, 0));
    assertValues(merged, 5, -1, 6);
  }

  @Test
  void tiesTrimsElectsAndTakesTheDisjointMean() {
    // tau1 = [0.5, -3, 1, 0.1] -> top-2 [0, -3, 1, 0]; tau2 = [-2, 1, 2, -0.2] -> [-2, 0, 2, 0]
    // gamma = sign([-2, -3, 3, 0]) = [-, -, +, 0]; means: -2/1, -3/1, (1+2)/2, 0 -> [-2, -3, 1.5, 0]
    ParameterTree base = tree(0, 0, 0, 0);
    List<ParameterTree> models = List.of(tree(0.5f, -3, 1, 0.1f), tree(-2, 1, 2, -0.2f));
    assertValues(new TiesReference().merge(base, models, settings(0, new double[] {1, 1}, 1, 0.5, false, 0)),
        -2, -3, 1.5, 0);
    // weights (1, 3), lambda 0.5: sums [-6, -3, 7, 0]; entry 2: (1*1 + 3*2)/(1 + 3) = 1.75
    // -> 0.5 * [-2, -3, 1.75, 0] = [-1, -1.5, 0.875, 0]
    assertValues(new TiesReference().merge(base, models, settings(0, new double[] {1, 3}, 0.5, 0.5, false, 0)),
        -1, -1.5, 0.875, 0);
  }

  @Test
  void tiesDropsTheMinorityOnASignConflict() {
    // tau1 = [1, -1], tau2 = [-2, 3]; gamma = sign([-1, 2]) = [-, +]: keep -2 and 3
    ParameterTree base = tree(0, 0);
    List<ParameterTree> models = List.of(tree(1, -1), tree(-2, 3));
    assertValues(new TiesReference().merge(base, models, settings(0, new double[] {1, 1}, 1, 1, false, 0)),
        -2, 3);
    assertThat(TiesReference.signConflictShare(base, models, 1.0)).isEqualTo(1.0);
    assertThat(TiesReference.signConflictShare(base, List.of(tree(1, 1), tree(2, 0)), 1.0)).isEqualTo(1.0 - 1.0);
  }

  @Test
  void tiesTrimKeepsTheLowerIndexOnEqualMagnitudes() {
    // k = floor(0.5 * 4) = 2 of [1, -1, 1, 0.5]: all three 1s tie; the first two win
    assertThat(TiesReference.trim(new double[] {1, -1, 1, 0.5}, 0.5)).containsExactly(1, -1, 0, 0);
    // k = floor(0.2 * 4) = 0 keeps nothing; density 1 keeps everything
    assertThat(TiesReference.trim(new double[] {1, 2, 3, 4}, 0.2)).containsExactly(0, 0, 0, 0);
    assertThat(TiesReference.trim(new double[] {1, 2, 3, 4}, 1.0)).containsExactly(1, 2, 3, 4);
  }

  @Test
  void dareDropsWithTheKeepMaskAndRescalesByOneOverDensity() {
    // density 1 keeps every entry unscaled: linear DARE equals task arithmetic ([1, -1] + [-2, 3] = [-1, 2])
    ParameterTree base = tree(0, 0);
    List<ParameterTree> models = List.of(tree(1, -1), tree(-2, 3));
    assertValues(new DareReference().merge(base, models, settings(0, new double[] {1, 1}, 1, 1, false, 0)),
        -1, 2);
    // ... and DARE-TIES equals TIES without trimming ([-2, 3], see the sign-conflict case)
    assertValues(new DareReference().merge(base, models, settings(0, new double[] {1, 1}, 1, 1, true, 0)),
        -2, 3);
    // density 0.5, one model tau = [1, 2, 3, 4]: kept entries become 2*tau, dropped ones 0
    MergeSettings half = settings(0, new double[] {1}, 1, 0.5, false, 0);
    boolean[] keep = half.keepMask(0, "w", 4);
    ParameterTree merged = new DareReference().merge(tree(0, 0, 0, 0), List.of(tree(1, 2, 3, 4)), half);
    for (int j = 0; j < 4; j++) {
      assertThat(merged.get("w").values()[j]).isEqualTo(keep[j] ? 2f * (j + 1) : 0f);
    }
  }

  @Test
  void dareKeepMaskIsBernoulliWithTheDensityAndReproducible() {
    MergeSettings s = settings(0, new double[] {1}, 1, 0.3, false, 0);
    boolean[] mask = s.keepMask(1, "layer0_qkv_weight", 20_000);
    int kept = 0;
    for (boolean k : mask) {
      kept += k ? 1 : 0;
    }
    assertThat(kept / 20_000.0).isCloseTo(0.3, within(0.015));
    assertThat(s.keepMask(1, "layer0_qkv_weight", 20_000)).isEqualTo(mask);
    assertThat(s.keepMask(0, "layer0_qkv_weight", 20_000)).isNotEqualTo(mask);
  }

  @Test
  void slerpFollowsTheArcAndFallsBackToLinear() {
    ParameterTree base = tree(0, 0);
    // orthogonal: omega = pi/2, sin omega = 1; t = 0.5 -> sin(pi/4) * [1, 0] + sin(pi/4) * [0, 1]
    double r = Math.sqrt(0.5);
    assertValues(new SlerpReference().merge(base, List.of(tree(1, 0), tree(0, 1)),
        settings(0, new double[] {1, 1}, 1, 1, false, 0.5)), r, r);
    // colinear (cos = 1 > 0.9995): linear 0.75 * [1, 2] + 0.25 * [2, 4] = [1.25, 2.5]
    assertValues(new SlerpReference().merge(base, List.of(tree(1, 2), tree(2, 4)),
        settings(0, new double[] {1, 1}, 1, 1, false, 0.25)), 1.25, 2.5);
    // 60 degrees apart: v0 = [1, 0], v1 = [0.5, sqrt(3)/2], t = 0.5 -> the unit vector at 30 degrees
    assertValues(new SlerpReference().merge(base, List.of(tree(1, 0), tree(0.5f, (float) (Math.sqrt(3) / 2))),
        settings(0, new double[] {1, 1}, 1, 1, false, 0.5)), Math.cos(Math.PI / 6), 0.5);
    // a zero tensor counts as cos = 0: t = 0.5 gives sin(pi/4) * [1, 1]
    assertValues(new SlerpReference().merge(base, List.of(tree(0, 0), tree(1, 1)),
        settings(0, new double[] {1, 1}, 1, 1, false, 0.5)), r, r);
  }

  @Test
  void everyMethodRefusesAShapeMismatchNamingTheParameter() {
    ParameterTree base = tree(0, 0);
    ParameterTree wrongShape = tree(1, 2, 3);
    ParameterTree missing = new ParameterTree(Map.of("v", new ParameterTree.Tensor(new long[] {2},
        new float[] {1, 2})));
    for (MergeHook hook : MergeHook.values()) {
      MergeSettings s = settings(0.5, new double[] {1, 1}, 1, 0.5, false, 0.5);
      assertThatThrownBy(() -> hook.reference().merge(base, List.of(tree(1, 1), wrongShape), s))
          .as(hook.hookName()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("w")
          .hasMessageContaining("[3]");
      assertThatThrownBy(() -> hook.reference().merge(base, List.of(missing, tree(1, 1)), s))
          .as(hook.hookName()).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no parameter w");
    }
  }

  @Test
  void referencesAgreeWithThemselvesOnProbesAndAWrongHookDoesNot() throws Exception {
    for (MergeHook hook : MergeHook.values()) {
      assertThat(MergeProbes.agreement(StudentHooks.standIns(Map.of(hook.hookName(), hook.reference())), 5,
          hook)).as(hook.hookName()).isEqualTo(1.0);
    }
    // task arithmetic submitted as TIES: right on nothing but the error probes
    double wrong = MergeProbes.agreement(StudentHooks.standIns(Map.of("Ties", new TaskArithmeticReference())), 5,
        MergeHook.TIES);
    assertThat(wrong).isLessThan(0.5);
  }
}
