package org.ethoslab.app.grading;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The deadline rules of a lab assignment, evaluated on the server's clock at submission time.
 * Days late are counted in started 24-hour periods after the due date (one minute late is one day late), and the
 * penalty is {@code percentPerDay × daysLate} percent of the raw score, never below zero.
 */
public final class LatePolicy {

  private LatePolicy() {
  }

  /** Whether a submission at {@code at} is refused outright because the hard cutoff has passed. */
  public static boolean pastHardCutoff(LabAssignment a, OffsetDateTime at) {
    return a.getHardCutoffAt() != null && at.isAfter(a.getHardCutoffAt());
  }

  /** Started days after the due date; 0 when on time or when there is no due date. */
  public static int daysLate(LabAssignment a, OffsetDateTime submittedAt) {
    if (a.getDueAt() == null || !submittedAt.isAfter(a.getDueAt())) {
      return 0;
    }
    Duration late = Duration.between(a.getDueAt(), submittedAt);
    long days = late.toDays();
    return (int) (late.equals(Duration.ofDays(days)) ? days : days + 1);
  }

  /** The score after the late penalty: {@code raw × max(0, 1 − percentPerDay·daysLate/100)}. */
  public static double apply(double rawScore, int daysLate, int percentPerDay) {
    double factor = Math.max(0.0, 1.0 - percentPerDay * (double) daysLate / 100.0);
    return rawScore * factor;
  }
}
