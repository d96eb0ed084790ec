package org.ethoslab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LatePolicyTests {

  private static final OffsetDateTime DUE = OffsetDateTime.of(2026, 12, 1, 23, 59, 0, 0, ZoneOffset.UTC);

  private static LabAssignment dueWithCutoff(OffsetDateTime cutoff, int percent) {
    LabAssignment a = LabAssignment.defaults(1, 2);
    a.schedule(DUE, cutoff, percent, DUE.minusDays(10));
    return a;
  }

  @Test
  void onTimeIsZeroDaysLate() {
    LabAssignment a = dueWithCutoff(null, 10);
    assertThat(LatePolicy.daysLate(a, DUE)).isZero();
    assertThat(LatePolicy.daysLate(a, DUE.minusHours(3))).isZero();
  }

  @Test
  void startedDaysCount() {
    LabAssignment a = dueWithCutoff(null, 10);
    assertThat(LatePolicy.daysLate(a, DUE.plusMinutes(1))).isEqualTo(1);
    assertThat(LatePolicy.daysLate(a, DUE.plusHours(24))).isEqualTo(1);
    assertThat(LatePolicy.daysLate(a, DUE.plusHours(24).plusSeconds(1))).isEqualTo(2);
  }

  @Test
  void penaltyIsLinearAndNeverNegative() {
    // 80 points, 2 days late at 15 %/day: 80 × (1 − 0.30) = 56
    assertThat(LatePolicy.apply(80, 2, 15)).isEqualTo(56.0);
    assertThat(LatePolicy.apply(80, 0, 15)).isEqualTo(80.0);
    // 8 days at 15 %/day would be −20 %: floored at 0
    assertThat(LatePolicy.apply(80, 8, 15)).isEqualTo(0.0);
  }

  @Test
  void hardCutoffRefusesOnlyAfterIt() {
    LabAssignment a = dueWithCutoff(DUE.plusDays(2), 10);
    assertThat(LatePolicy.pastHardCutoff(a, DUE.plusDays(2))).isFalse();
    assertThat(LatePolicy.pastHardCutoff(a, DUE.plusDays(2).plusSeconds(1))).isTrue();
    assertThat(LatePolicy.pastHardCutoff(LabAssignment.defaults(1, 2), DUE.plusYears(1))).isFalse();
  }

  @Test
  void badScheduleNamesTheField() {
    LabAssignment a = LabAssignment.defaults(1, 2);
    assertThatThrownBy(() -> a.schedule(DUE, DUE.minusDays(1), 10, DUE))
        .hasMessageStartingWith("hardCutoffAt:");
    assertThatThrownBy(() -> a.schedule(DUE, null, 101, DUE))
        .hasMessageStartingWith("latePenaltyPercentPerDay:");
    assertThatThrownBy(() -> a.limitAttempts(0, 0, DUE)).hasMessageStartingWith("maxAttempts:");
  }
}
