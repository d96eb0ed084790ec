package org.ethoslab.labs.merging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MergeAlignTableTests {

  @Test
  void theMarginIsTheSmallerClearanceOverTheTwoTargets() {
    // kept 0.953 clears 0.95 by 0.003, recovered 0.74 clears 0.70 by 0.04 → 0.003.
    assertThat(MergeAlignTable.targetMargin(0.953, 0.74)).isCloseTo(0.003, within(1e-12));
    // Missing a target makes it negative: recovered 0.567 is 0.133 short.
    assertThat(MergeAlignTable.targetMargin(0.966, 0.567)).isCloseTo(-0.133, within(1e-12));
  }

  @Test
  void aBalancedSettingBeatsOneThatMaximisesOneSideAndJustTouchesTheOther() {
    // (0.953, 0.74) → 0.003 against (0.950, 0.95) → 0.000: the first is chosen although the second is safer.
    assertThat(MergeAlignTable.targetMargin(0.953, 0.74)).isGreaterThan(MergeAlignTable.targetMargin(0.950, 0.95));
    // Both miss: (0.40, 0.01) is short by 0.55 and 0.69, (0.18, 0.18) by 0.77 and 0.52 → −0.69 beats −0.77.
    assertThat(MergeAlignTable.targetMargin(0.40, 0.01)).isCloseTo(-0.69, within(1e-12));
    assertThat(MergeAlignTable.targetMargin(0.18, 0.18)).isCloseTo(-0.77, within(1e-12));
  }

  @Test
  void tiesSweepsDensityAlignmentWeightAndLambdaWhileDareSweepsDensityOnly() {
    var ties = MergeAlignTable.grid("ties");
    assertThat(ties).hasSize(27);
    assertThat(ties).anySatisfy(s -> {
      assertThat(s.settings().density()).isEqualTo(0.6);
      assertThat(s.settings().weight(1)).isEqualTo(1.2);
      assertThat(s.settings().lambda()).isEqualTo(1.3);
      assertThat(s.label()).isEqualTo("density = 0.6, w_A = 1.2, lambda = 1.3");
    });
    assertThat(ties).allSatisfy(s -> assertThat(s.settings().weight(0)).isEqualTo(1.0));
    var dare = MergeAlignTable.grid("dare_linear");
    assertThat(dare).hasSize(5).allSatisfy(s -> {
      assertThat(s.settings().lambda()).isEqualTo(1.0);
      assertThat(s.settings().weight(1)).isEqualTo(1.0);
    });
  }
}
