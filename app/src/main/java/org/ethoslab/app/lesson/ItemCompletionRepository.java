package org.ethoslab.app.lesson;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stored completions. */
public interface ItemCompletionRepository extends JpaRepository<ItemCompletion, Long> {

  boolean existsByEnrollmentIdAndItemId(long enrollmentId, long itemId);

  @Query("select c.itemId from ItemCompletion c where c.enrollmentId = :enrollmentId")
  List<Long> findItemIds(long enrollmentId);
}
