package org.ethoslab.app.lesson;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stored completions. */
public interface ItemCompletionRepository extends JpaRepository<ItemCompletion, Long> {

  boolean existsByEnrollmentIdAndItemId(long enrollmentId, long itemId);

  @Query("select c.itemId from ItemCompletion c where c.enrollmentId = :enrollmentId")
  List<Long> findItemIds(long enrollmentId);

  /** Rows of (enrollment id, number of the given items it completed). */
  @Query("select c.enrollmentId, count(c) from ItemCompletion c where c.enrollmentId in :enrollmentIds "
      + "and c.itemId in :itemIds group by c.enrollmentId")
  List<Object[]> countCompleted(Collection<Long> enrollmentIds, Collection<Long> itemIds);
}
