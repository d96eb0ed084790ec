package org.ethoslab.app.grading;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Lab assignment settings by offering and item. */
public interface LabAssignmentRepository extends JpaRepository<LabAssignment, Long> {

  Optional<LabAssignment> findByOfferingIdAndItemId(long offeringId, long itemId);

  List<LabAssignment> findByOfferingId(long offeringId);
}
