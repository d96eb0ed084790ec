package org.ethoslab.app.submission;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Submissions by offering (gradebook), by student and item (lab page, dashboard) and by queue job (grading). */
public interface SubmissionRepository extends JpaRepository<Submission, Long> {

  List<Submission> findByOfferingIdOrderBySubmittedAtAsc(long offeringId);

  List<Submission> findByOfferingIdAndItemIdOrderBySubmittedAtAsc(long offeringId, long itemId);

  List<Submission> findByUserIdAndOfferingIdAndItemIdOrderBySubmittedAtDesc(long userId, long offeringId, long itemId);

  List<Submission> findByUserIdAndOfferingIdOrderBySubmittedAtDesc(long userId, long offeringId);

  List<Submission> findByUserIdOrderBySubmittedAtDesc(long userId);

  long countByUserIdAndOfferingIdAndItemIdAndCountsAsAttemptTrue(long userId, long offeringId, long itemId);

  Optional<Submission> findByJobId(long jobId);

  /**
   * Locks the student's enrollment row until the transaction ends, so two submits of one student are checked against
   * attempts and cooldown one after the other (plain SQL that H2 and PostgreSQL both run).
   */
  @Query(value = "select id from enrollment where offering_id = :offeringId and student_id = :studentId for update",
      nativeQuery = true)
  Optional<Long> lockEnrollment(@Param("offeringId") long offeringId, @Param("studentId") long studentId);
}
