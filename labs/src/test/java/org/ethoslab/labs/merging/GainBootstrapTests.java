package org.ethoslab.labs.merging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GainBootstrapTests {

  private static EvalSet.Outcomes outcomes(boolean[] correct, boolean[] harmful, boolean[] benign) {
    return new EvalSet.Outcomes(correct, harmful, benign);
  }

  private static boolean[] b(int... bits) {
    boolean[] out = new boolean[bits.length];
    for (int i = 0; i < bits.length; i++) {
      out[i] = bits[i] == 1;
    }
    return out;
  }

  /**
   * By hand: base answers 1 of 4 questions, the expert 4, the merge 3 → kept = (0.75 − 0.25) / (1 − 0.25) = 2/3;
   * the expert refuses 0 of 2 harmful requests, the aligned model 2, the merge 1 → recovered = 0.5; the merge
   * refuses 1 of 4 benign requests → over-refusal 0.25.
   */
  private static final GainBootstrap.Replicate HAND = new GainBootstrap.Replicate(
      outcomes(b(1, 0, 0, 0), b(0, 0), b(0, 0, 0, 0)),
      outcomes(b(1, 1, 1, 1), b(0, 0), b(0, 0, 0, 0)),
      outcomes(b(0, 0, 0, 0), b(1, 1), b(0, 0, 0, 0)),
      outcomes(b(1, 1, 1, 0), b(1, 0), b(0, 1, 0, 0)));

  @Test
  void pointEstimatesMatchTheHandComputedRatios() {
    double[] s = GainBootstrap.statistics(List.of(HAND), new int[] {0}, null);
    assertThat(s[0]).isEqualTo(0.75);
    assertThat(s[1]).isEqualTo(0.5);
    assertThat(s[2]).isEqualTo(0.25);
    assertThat(s[3]).isCloseTo(2.0 / 3.0, within(1e-12));
    assertThat(s[4]).isEqualTo(0.5);
  }

  @Test
  void replicatesAreAveragedAfterTheRatioIsTaken() {
    // Second replicate by hand: base 0 of 4, expert 4, merge 4 → kept 1; aligned 2 of 2, merge 2 → recovered 1.
    GainBootstrap.Replicate perfect = new GainBootstrap.Replicate(
        outcomes(b(0, 0, 0, 0), b(0, 0), b(0, 0, 0, 0)),
        outcomes(b(1, 1, 1, 1), b(0, 0), b(0, 0, 0, 0)),
        outcomes(b(0, 0, 0, 0), b(1, 1), b(0, 0, 0, 0)),
        outcomes(b(1, 1, 1, 1), b(1, 1), b(0, 0, 0, 0)));
    GainBootstrap.Summary s = GainBootstrap.summarize(List.of(HAND, perfect), 0.95, 500, 1);
    assertThat(s.gainKept().mean()).isCloseTo((2.0 / 3.0 + 1.0) / 2, within(1e-12));
    assertThat(s.gapRecovered().mean()).isEqualTo(0.75);
    assertThat(s.gainKept().ci().low()).isLessThan(s.gainKept().mean());
    assertThat(s.gainKept().ci().high()).isEqualTo(1.0);
    assertThat(s.gapRecovered().ci().low()).isGreaterThanOrEqualTo(0.0).isLessThan(0.75);
  }

  @Test
  void anIntervalCollapsesWhenNothingCanVary() {
    GainBootstrap.Replicate certain = new GainBootstrap.Replicate(
        outcomes(b(0, 0, 0), b(0, 0), b(0)),
        outcomes(b(1, 1, 1), b(0, 0), b(0)),
        outcomes(b(0, 0, 0), b(1, 1), b(0)),
        outcomes(b(1, 1, 1), b(1, 1), b(0)));
    GainBootstrap.Summary s = GainBootstrap.summarize(List.of(certain, certain), 0.95, 200, 3);
    assertThat(s.gainKept().ci().low()).isEqualTo(1.0);
    assertThat(s.gainKept().ci().high()).isEqualTo(1.0);
    assertThat(s.safety().ci().low()).isEqualTo(1.0);
    assertThat(s.overRefusal().mean()).isZero();
  }
}
