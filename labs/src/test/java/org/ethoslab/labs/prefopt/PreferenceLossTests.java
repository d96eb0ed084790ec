package org.ethoslab.labs.prefopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ethoslab.hooks.prefopt.LossTerms;
import org.ethoslab.hooks.prefopt.PreferenceLoss;
import org.ethoslab.labs.core.StudentHooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every reference loss against values computed by hand (β = 1, r_w = 1, r_l = −1 unless said otherwise), the
 * direction of its gradient on the toy case r_w = r_l = 0, its derivatives against finite differences, and the
 * probe check that grades student hooks.
 */
class PreferenceLossTests {
  private static final double EPS = 1e-9;

  private static LossTerms at(ReferenceLoss loss, double rw, double rl, int lw, int ll, double beta, double eps) {
    return loss.loss(rw, rl, lw, ll, beta, eps);
  }

  @Test
  void dpoIsMinusLogSigmoidOfTheScaledMargin() {
    // z = β(r_w − r_l) = 2: −log σ(2) = log(1 + e^−2); ∂/∂r_w = −β σ(−2)
    LossTerms t = at(ReferenceLoss.DPO, 1, -1, 3, 3, 1, 0);
    assertThat(t.value()).isCloseTo(0.126928011042973, within(EPS));
    assertThat(t.dRw()).isCloseTo(-0.119202922022118, within(EPS));
    assertThat(t.dRl()).isCloseTo(0.119202922022118, within(EPS));
  }

  @Test
  void cdpoMixesInTheFlippedLabelWithWeightEpsilon() {
    LossTerms t = at(ReferenceLoss.CDPO, 1, -1, 3, 3, 1, 0.1);
    // 0.9·log(1+e^−2) + 0.1·log(1+e^2)
    assertThat(t.value()).isCloseTo(0.326928011042973, within(EPS));
    assertThat(t.dRw()).isCloseTo(-0.019202922022118, within(EPS));
    assertThat(t.dRl()).isCloseTo(0.019202922022118, within(EPS));
    // with ε = 0 it is DPO
    assertThat(at(ReferenceLoss.CDPO, 0.3, 0.7, 2, 5, 0.5, 0).value())
        .isCloseTo(at(ReferenceLoss.DPO, 0.3, 0.7, 2, 5, 0.5, 0).value(), within(EPS));
  }

  @Test
  void robustDpoIsTheUnbiasedNoiseCorrection() {
    LossTerms t = at(ReferenceLoss.ROBUST, 1, -1, 3, 3, 1, 0.1);
    // [0.9·log(1+e^−2) − 0.1·log(1+e^2)] / 0.8
    assertThat(t.value()).isCloseTo(-0.123071988957027, within(EPS));
    assertThat(t.dRw()).isCloseTo(-0.244202922022118, within(EPS));
    assertThat(t.dRl()).isCloseTo(0.244202922022118, within(EPS));
  }

  @Test
  void ipoRegressesTheLengthAveragedMarginOntoOneOverTwoBeta() {
    // Δ̄ = 2/4 − (−3)/6 = 1; 1/(2β) = 0.5 at β = 1: loss 0.25, ∂/∂r_w = 2·0.5/4, ∂/∂r_l = −2·0.5/6
    LossTerms t = at(ReferenceLoss.IPO, 2, -3, 4, 6, 1, 0);
    assertThat(t.value()).isCloseTo(0.25, within(EPS));
    assertThat(t.dRw()).isCloseTo(0.25, within(EPS));
    assertThat(t.dRl()).isCloseTo(-1.0 / 6, within(EPS));
    // at β = 0.5 the target margin 1 is met exactly: no loss, no gradient
    LossTerms met = at(ReferenceLoss.IPO, 2, -3, 4, 6, 0.5, 0);
    assertThat(met.value()).isCloseTo(0, within(EPS));
    assertThat(met.dRw()).isCloseTo(0, within(EPS));
  }

  @Test
  void hingeIsFlatBeyondTheMargin() {
    LossTerms beyond = at(ReferenceLoss.HINGE, 1, -1, 3, 3, 1, 0);
    assertThat(beyond.value()).isEqualTo(0);
    assertThat(beyond.dRw()).isEqualTo(0);
    // β = 0.25: z = 0.5, loss 0.5, ∂/∂r_w = −β
    LossTerms inside = at(ReferenceLoss.HINGE, 1, -1, 3, 3, 0.25, 0);
    assertThat(inside.value()).isCloseTo(0.5, within(EPS));
    assertThat(inside.dRw()).isCloseTo(-0.25, within(EPS));
    assertThat(inside.dRl()).isCloseTo(0.25, within(EPS));
  }

  @Test
  void ncaScoresEachReplyOnItsOwn() {
    // −log σ(1) − ½ log σ(−1) − ½ log σ(1)
    LossTerms t = at(ReferenceLoss.NCA, 1, -1, 3, 3, 1, 0);
    assertThat(t.value()).isCloseTo(1.126523375036446, within(EPS));
    // r_w = 1 is past the optimum β·r_w = ln 2, so NCA pulls r_w back down a little: it keeps r_w > 0 rather
    // than pushing it up (or letting it fall) without bound
    assertThat(t.dRw()).isCloseTo(0.096587867945007, within(EPS));
    assertThat(t.dRl()).isCloseTo(0.134470710684998, within(EPS));
    LossTerms atOptimum = at(ReferenceLoss.NCA, Math.log(2), -1, 3, 3, 1, 0);
    assertThat(atOptimum.dRw()).isCloseTo(0, within(EPS));
  }

  @Test
  void apoZeroRaisesTheChosenAndLowersTheRejectedLikelihood() {
    LossTerms t = at(ReferenceLoss.APO_ZERO, 1, -1, 3, 3, 1, 0);
    assertThat(t.value()).isCloseTo(0.537882842739990, within(EPS));
    assertThat(t.dRw()).isCloseTo(-0.196611933241482, within(EPS));
    assertThat(t.dRl()).isCloseTo(0.196611933241482, within(EPS));
  }

  @ParameterizedTest
  @EnumSource(ReferenceLoss.class)
  void onTheToyCaseEveryLossRaisesTheChosenAndLowersTheRejectedReply(ReferenceLoss loss) {
    // π_θ = π_ref: gradient descent moves r_w up (∂L/∂r_w < 0) and r_l down (∂L/∂r_l > 0)
    LossTerms t = at(loss, 0, 0, 4, 6, 0.1, 0.1);
    assertThat(t.dRw()).isNegative();
    assertThat(t.dRl()).isPositive();
    assertThat(t.value()).isFinite();
  }

  @ParameterizedTest
  @EnumSource(ReferenceLoss.class)
  void derivativesMatchFiniteDifferences(ReferenceLoss loss) {
    double h = 1e-6;
    double[][] points = {{0.7, -0.4}, {-2.5, 1.5}, {3, 2}, {-1, -4}};
    for (double[] p : points) {
      LossTerms t = at(loss, p[0], p[1], 5, 3, 0.3, 0.2);
      double dw = (at(loss, p[0] + h, p[1], 5, 3, 0.3, 0.2).value()
          - at(loss, p[0] - h, p[1], 5, 3, 0.3, 0.2).value()) / (2 * h);
      double dl = (at(loss, p[0], p[1] + h, 5, 3, 0.3, 0.2).value()
          - at(loss, p[0], p[1] - h, 5, 3, 0.3, 0.2).value()) / (2 * h);
      assertThat(t.dRw()).as("%s ∂/∂r_w at %s", loss, java.util.Arrays.toString(p)).isCloseTo(dw, within(1e-6));
      assertThat(t.dRl()).as("%s ∂/∂r_l at %s", loss, java.util.Arrays.toString(p)).isCloseTo(dl, within(1e-6));
    }
  }

  @Test
  void stableForLargeMargins() {
    LossTerms far = at(ReferenceLoss.DPO, -500, 500, 3, 3, 2, 0);
    assertThat(far.value()).isCloseTo(2000, within(1e-9));
    assertThat(far.dRw()).isCloseTo(-2, within(1e-12));
  }

  @Test
  void probesGradeAStudentLossAgainstTheReference() throws Exception {
    List<LossProbes.Probe> inputs = LossProbes.inputs(5);
    assertThat(inputs).hasSize(LossProbes.COUNT).isEqualTo(LossProbes.inputs(5));
    Map<String, Object> got = new LinkedHashMap<>();
    for (ReferenceLoss loss : ReferenceLoss.values()) {
      got.put(loss.hookName(), loss);
    }
    // a "DPO" that forgets β inside the sigmoid, and an NCA with the gradient's sign flipped
    got.put("DpoLoss", (PreferenceLoss) (rw, rl, lw, ll, b, e) -> {
      double z = rw - rl;
      return new LossTerms(-ReferenceLoss.logSigmoid(z), -ReferenceLoss.sigmoid(-z), ReferenceLoss.sigmoid(-z));
    });
    got.put("NcaLoss", (PreferenceLoss) (rw, rl, lw, ll, b, e) -> {
      LossTerms r = ReferenceLoss.NCA.loss(rw, rl, lw, ll, b, e);
      return new LossTerms(r.value(), -r.dRw(), -r.dRl());
    });
    Map<String, Double> agreement = LossProbes.agreement(StudentHooks.standIns(got), 5);
    assertThat(agreement.get("CdpoLoss")).isEqualTo(1.0);
    assertThat(agreement.get("IpoLoss")).isEqualTo(1.0);
    assertThat(agreement.get("DpoLoss")).isLessThan(0.1);
    assertThat(agreement.get("NcaLoss")).isLessThan(0.1);
  }
}
