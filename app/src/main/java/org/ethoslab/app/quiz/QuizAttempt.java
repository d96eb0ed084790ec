package org.ethoslab.app.quiz;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One graded submission of a quiz by an enrolled student. The answers are kept as JSON for the feedback view. */
@Entity
@Table(name = "quiz_attempt")
public class QuizAttempt {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "enrollment_id", nullable = false)
  private long enrollmentId;

  @Column(name = "item_id", nullable = false)
  private long itemId;

  @Column(nullable = false)
  private int score;

  @Column(name = "max_score", nullable = false)
  private int maxScore;

  @Column(nullable = false, columnDefinition = "text")
  private String answers;

  @Column(name = "submitted_at", nullable = false)
  private OffsetDateTime submittedAt;

  protected QuizAttempt() {
  }

  QuizAttempt(long enrollmentId, long itemId, int score, int maxScore, String answers, OffsetDateTime now) {
    this.enrollmentId = enrollmentId;
    this.itemId = itemId;
    this.score = score;
    this.maxScore = maxScore;
    this.answers = answers;
    this.submittedAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getEnrollmentId() {
    return enrollmentId;
  }

  public long getItemId() {
    return itemId;
  }

  public int getScore() {
    return score;
  }

  public int getMaxScore() {
    return maxScore;
  }

  public String getAnswers() {
    return answers;
  }

  public OffsetDateTime getSubmittedAt() {
    return submittedAt;
  }
}
