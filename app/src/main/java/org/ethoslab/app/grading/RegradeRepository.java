package org.ethoslab.app.grading;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Regrades by job (to apply a finished re-run) and by submission (to show its history). */
public interface RegradeRepository extends JpaRepository<Regrade, Long> {

  Optional<Regrade> findByJobId(long jobId);

  List<Regrade> findBySubmissionIdOrderByRequestedAtDescIdDesc(long submissionId);
}
