package org.ethoslab.app.quiz;

import java.util.Optional;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stored quiz attempts. */
public interface QuizAttemptRepository extends JpaRepository<QuizAttempt, Long> {

  Optional<QuizAttempt> findFirstByEnrollmentIdAndItemIdOrderBySubmittedAtDescIdDesc(long enrollmentId, long itemId);

  long countByEnrollmentIdAndItemId(long enrollmentId, long itemId);

  /** Best score per enrolled student and quiz in an offering (see {@link QuizScore}). */
  @Query("select new org.ethoslab.app.quiz.QuizScore(a.enrollmentId, a.itemId, max(a.score), max(a.maxScore), count(a)) "
      + "from QuizAttempt a where a.enrollmentId in (select e.id from Enrollment e where e.offering.id = :offeringId) "
      + "group by a.enrollmentId, a.itemId order by a.enrollmentId, a.itemId")
  List<QuizScore> bestScores(long offeringId);
}
