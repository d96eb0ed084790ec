package org.ethoslab.app.grading;

import org.ethoslab.app.submission.Submission;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The only writes grading makes to a submission: a regrade's new score. Each call is paired with a {@link Regrade}
 * row that keeps the old score, so no grade changes without a trace.
 */
interface SubmissionRescoring extends Repository<Submission, Long> {

  /** A late-policy regrade: days late against the current due date and the penalised score. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Submission s set s.daysLate = :daysLate, s.score = :score where s.id = :id")
  int rescoreLate(@Param("id") long id, @Param("daysLate") int daysLate, @Param("score") double score);

  /** A rubric regrade: the re-run's trusted evaluation replaces the old one. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Submission s set s.evaluation = :evaluation, s.rawScore = :rawScore, s.maxScore = :maxScore, "
      + "s.score = :score where s.id = :id")
  int rescoreEvaluation(@Param("id") long id, @Param("evaluation") String evaluation,
                        @Param("rawScore") double rawScore, @Param("maxScore") double maxScore,
                        @Param("score") double score);
}
