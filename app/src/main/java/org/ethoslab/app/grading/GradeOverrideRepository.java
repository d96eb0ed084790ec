package org.ethoslab.app.grading;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The override audit trail, newest first. */
public interface GradeOverrideRepository extends JpaRepository<GradeOverride, Long> {

  List<GradeOverride> findBySubmissionIdOrderByOverriddenAtDescIdDesc(long submissionId);

  List<GradeOverride> findByOfferingIdOrderByOverriddenAtDescIdDesc(long offeringId);
}
