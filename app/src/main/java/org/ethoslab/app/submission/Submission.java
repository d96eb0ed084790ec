package org.ethoslab.app.submission;

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
 * One student's submission of a lab item in an offering: the parameters and hook code as submitted, the queue job
 * that runs them, and the grade once the job ended. {@code params} is a JSON object (name → value), {@code code} a
 * JSON object (hook name → Java source), {@code evaluation} the labs Evaluation JSON. {@code score} is the raw score
 * after the late penalty; manual overrides live with the gradebook, not here.
 */
@Entity
@Table(name = "submission")
public class Submission {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "offering_id", nullable = false)
  private long offeringId;

  @Column(name = "item_id", nullable = false)
  private long itemId;

  @Column(name = "lab_id", nullable = false)
  private String labId;

  @Column(name = "lab_version", nullable = false)
  private String labVersion;

  @Column(nullable = false, columnDefinition = "text")
  private String params;

  @Column(nullable = false, columnDefinition = "text")
  private String code;

  @Column(name = "eval_seed", nullable = false)
  private long evalSeed;

  @Column(name = "job_id")
  private Long jobId;

  @Column(name = "attempt_number", nullable = false)
  private int attemptNumber;

  @Column(name = "counts_as_attempt", nullable = false)
  private boolean countsAsAttempt;

  @Column(name = "submitted_at", nullable = false)
  private OffsetDateTime submittedAt;

  @Column(name = "days_late", nullable = false)
  private int daysLate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SubmissionStatus status;

  @Enumerated(EnumType.STRING)
  @Column
  private Outcome outcome;

  @Column(length = 2000)
  private String message;

  @Column(columnDefinition = "text")
  private String evaluation;

  @Column(name = "raw_score")
  private Double rawScore;

  @Column(name = "max_score")
  private Double maxScore;

  @Column
  private Double score;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  protected Submission() {
  }

  /** A new queued submission; the job id is attached once the job row exists (same transaction). */
  public Submission(long userId, long offeringId, long itemId, String labId, String labVersion, String params,
                    String code, long evalSeed, int attemptNumber, OffsetDateTime submittedAt, int daysLate) {
    this.userId = userId;
    this.offeringId = offeringId;
    this.itemId = itemId;
    this.labId = labId;
    this.labVersion = labVersion;
    this.params = params;
    this.code = code;
    this.evalSeed = evalSeed;
    this.attemptNumber = attemptNumber;
    this.countsAsAttempt = true;
    this.submittedAt = submittedAt;
    this.daysLate = daysLate;
    this.status = SubmissionStatus.QUEUED;
  }

  void attachJob(long jobId) {
    this.jobId = jobId;
  }

  /**
   * Records how the job ended. An infrastructure error or a cancel gives the attempt back.
   *
   * @param rawScore null when the lab produced no evaluation
   * @param score    the raw score after the late penalty, or null
   */
  void finish(Outcome outcome, String message, String evaluation, Double rawScore, Double maxScore, Double score,
              OffsetDateTime at) {
    this.status = SubmissionStatus.FINISHED;
    this.outcome = outcome;
    this.message = message == null || message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
    this.evaluation = evaluation;
    this.rawScore = rawScore;
    this.maxScore = maxScore;
    this.score = score;
    this.finishedAt = at;
    if (outcome == Outcome.INFRASTRUCTURE_ERROR || outcome == Outcome.CANCELLED) {
      this.countsAsAttempt = false;
    }
  }

  /** True once the job ended. */
  public boolean isFinished() {
    return status == SubmissionStatus.FINISHED;
  }

  /** True when the job ended successfully with a grade. */
  public boolean isGraded() {
    return status == SubmissionStatus.FINISHED && score != null;
  }

  public Long getId() {
    return id;
  }

  public long getUserId() {
    return userId;
  }

  public long getOfferingId() {
    return offeringId;
  }

  public long getItemId() {
    return itemId;
  }

  public String getLabId() {
    return labId;
  }

  public String getLabVersion() {
    return labVersion;
  }

  public String getParams() {
    return params;
  }

  public String getCode() {
    return code;
  }

  public long getEvalSeed() {
    return evalSeed;
  }

  public Long getJobId() {
    return jobId;
  }

  public int getAttemptNumber() {
    return attemptNumber;
  }

  public boolean isCountsAsAttempt() {
    return countsAsAttempt;
  }

  public OffsetDateTime getSubmittedAt() {
    return submittedAt;
  }

  public int getDaysLate() {
    return daysLate;
  }

  public SubmissionStatus getStatus() {
    return status;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getMessage() {
    return message;
  }

  public String getEvaluation() {
    return evaluation;
  }

  public Double getRawScore() {
    return rawScore;
  }

  public Double getMaxScore() {
    return maxScore;
  }

  public Double getScore() {
    return score;
  }

  public OffsetDateTime getFinishedAt() {
    return finishedAt;
  }
}
