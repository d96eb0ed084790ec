package org.ethoslab.app.grading;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.ethoslab.contract.runner.Outcome;

/**
 * One regrade of one submission after the instructor changed the late policy (rescored at once from the stored raw
 * score) or the rubric (the lab is run again from the same input at regrade priority, and the trusted evaluation of
 * that run scores it).
 */
@Entity
@Table(name = "lab_regrade")
public class Regrade {

  /** Why a regrade happened, which decides how it is done. */
  public enum Kind {
    /** The late policy changed: the stored raw score is penalised again; nothing runs. */
    LATE_POLICY,
    /** The rubric changed: the run is repeated and evaluated with the new rubric. */
    RUBRIC
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "submission_id", nullable = false)
  private long submissionId;

  @Column(name = "offering_id", nullable = false)
  private long offeringId;

  @Column(name = "job_id")
  private Long jobId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(name = "requested_by", nullable = false)
  private long requestedBy;

  @Column(name = "requested_at", nullable = false)
  private OffsetDateTime requestedAt;

  @Column(name = "old_score")
  private Double oldScore;

  @Column(name = "new_score")
  private Double newScore;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  protected Regrade() {
  }

  Regrade(long submissionId, long offeringId, Kind kind, long requestedBy, Double oldScore, OffsetDateTime at) {
    this.submissionId = submissionId;
    this.offeringId = offeringId;
    this.kind = kind;
    this.requestedBy = requestedBy;
    this.requestedAt = at;
    this.oldScore = oldScore;
  }

  void attachJob(long jobId) {
    this.jobId = jobId;
  }

  /** Records the result; a regrade that did not produce a score keeps the old one ({@code newScore} null). */
  void finish(Outcome outcome, Double newScore, OffsetDateTime at) {
    this.outcome = outcome;
    this.newScore = newScore;
    this.finishedAt = at;
  }

  public boolean isFinished() {
    return finishedAt != null;
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

  public Long getJobId() {
    return jobId;
  }

  public Kind getKind() {
    return kind;
  }

  public long getRequestedBy() {
    return requestedBy;
  }

  public OffsetDateTime getRequestedAt() {
    return requestedAt;
  }

  public Double getOldScore() {
    return oldScore;
  }

  public Double getNewScore() {
    return newScore;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public OffsetDateTime getFinishedAt() {
    return finishedAt;
  }
}
