package org.ethoslab.app.submission;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Submissions by offering (gradebook), by student and item (lab page, dashboard) and by queue job (grading). */
public interface SubmissionRepository extends JpaRepository<Submission, Long> {

  List<Submission> findByOfferingIdOrderBySubmittedAtAsc(long offeringId);

  List<Submission> findByOfferingIdAndItemIdOrderBySubmittedAtAsc(long offeringId, long itemId);

  List<Submission> findByUserIdAndOfferingIdAndItemIdOrderBySubmittedAtDesc(long userId, long offeringId, long itemId);

  List<Submission> findByUserIdAndOfferingIdOrderBySubmittedAtDesc(long userId, long offeringId);

  List<Submission> findByUserIdOrderBySubmittedAtDesc(long userId);

  long countByUserIdAndOfferingIdAndItemIdAndCountsAsAttemptTrue(long userId, long offeringId, long itemId);

  Optional<Submission> findByJobId(long jobId);
}
