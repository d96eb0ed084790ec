package org.ethoslab.app.grading;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One manual change of a submission's score, kept forever as the audit trail: who changed it, when, from what to
 * what, and why. The newest override of a submission is its effective score; the submission row is left as graded.
 */
@Entity
@Table(name = "grade_override")
public class GradeOverride {

  /** Longest reason kept; the form says so before the database would. */
  public static final int MAX_REASON = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "submission_id", nullable = false)
  private long submissionId;

  @Column(name = "offering_id", nullable = false)
  private long offeringId;

  @Column(name = "old_score")
  private Double oldScore;

  @Column(name = "new_score", nullable = false)
  private double newScore;

  @Column(nullable = false)
  private String reason;

  @Column(name = "overridden_by", nullable = false)
  private long overriddenBy;

  @Column(name = "overridden_at", nullable = false)
  private OffsetDateTime overriddenAt;

  protected GradeOverride() {
  }

  /**
   * @param oldScore the effective score before this change (the lab's grade or an earlier override), null if none
   * @throws IllegalArgumentException naming the field when the reason is blank or too long
   */
  GradeOverride(long submissionId, long offeringId, Double oldScore, double newScore, String reason,
                long overriddenBy, OffsetDateTime at) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason: an override needs a reason");
    }
    if (reason.strip().length() > MAX_REASON) {
      throw new IllegalArgumentException("reason: at most " + MAX_REASON + " characters");
    }
    this.submissionId = submissionId;
    this.offeringId = offeringId;
    this.oldScore = oldScore;
    this.newScore = newScore;
    this.reason = reason.strip();
    this.overriddenBy = overriddenBy;
    this.overriddenAt = at;
  }

  public Long getId() {
    return id;
  }

  public long getSubmissionId() {
    return submissionId;
  }

  public long getOfferingId() {
    return offeringId;
  }

  public Double getOldScore() {
    return oldScore;
  }

  public double getNewScore() {
    return newScore;
  }

  public String getReason() {
    return reason;
  }

  public long getOverriddenBy() {
    return overriddenBy;
  }

  public OffsetDateTime getOverriddenAt() {
    return overriddenAt;
  }
}
