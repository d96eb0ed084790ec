package org.ethoslab.app.quiz;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored quiz attempts. */
public interface QuizAttemptRepository extends JpaRepository<QuizAttempt, Long> {

  Optional<QuizAttempt> findFirstByEnrollmentIdAndItemIdOrderBySubmittedAtDescIdDesc(long enrollmentId, long itemId);

  long countByEnrollmentIdAndItemId(long enrollmentId, long itemId);
}
