package org.ethoslab.app.lab;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Drafts are keyed by student, offering and item: a student only ever reads their own. */
interface LabDraftRepository extends JpaRepository<LabDraft, Long> {

  Optional<LabDraft> findByUserIdAndOfferingIdAndItemId(long userId, long offeringId, long itemId);
}
