package org.ethoslab.app.grading;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.ethoslab.app.submission.Submission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Manual score changes with their audit trail, and the effective score that the gradebook counts. */
@Service
public class GradeOverrideService {

  private final GradeOverrideRepository overrides;
  private final Clock clock;

  GradeOverrideService(GradeOverrideRepository overrides, Clock clock) {
    this.overrides = overrides;
    this.clock = clock;
  }

  /**
   * Sets a submission's effective score by hand. The previous effective score is kept in the audit row.
   *
   * @throws IllegalArgumentException naming the field: a score outside 0 to the submission's maximum, or no reason
   */
  @Transactional
  public GradeOverride override(Submission submission, double newScore, String reason, long overriddenBy) {
    double max = submission.getMaxScore() == null ? 100.0 : submission.getMaxScore();
    if (Double.isNaN(newScore) || newScore < 0 || newScore > max) {
      throw new IllegalArgumentException("score: must be between 0 and " + max + ", got " + newScore);
    }
    Double old = effectiveScore(submission);
    return overrides.save(new GradeOverride(submission.getId(), submission.getOfferingId(), old, newScore, reason,
        overriddenBy, OffsetDateTime.now(clock)));
  }

  /** The newest override of the submission, else its graded score (null when it has none). */
  @Transactional(readOnly = true)
  public Double effectiveScore(Submission submission) {
    return latest(submission.getId()).map(GradeOverride::getNewScore).orElse(submission.getScore());
  }

  /** The newest override of the submission, if any. */
  @Transactional(readOnly = true)
  public Optional<GradeOverride> latest(long submissionId) {
    return history(submissionId).stream().findFirst();
  }

  /** Every override of the submission, newest first. */
  @Transactional(readOnly = true)
  public List<GradeOverride> history(long submissionId) {
    return overrides.findBySubmissionIdOrderByOverriddenAtDescIdDesc(submissionId);
  }
}
