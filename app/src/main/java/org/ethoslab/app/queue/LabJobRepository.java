package org.ethoslab.app.queue;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Lab jobs. Claims and the reaper use native {@code FOR UPDATE SKIP LOCKED} queries in {@link JobClaimer}. */
public interface LabJobRepository extends JpaRepository<LabJob, Long> {

  /** Loads a job and locks its row until the transaction ends, so runner calls on one job happen one at a time. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select j from LabJob j where j.id = :id")
  Optional<LabJob> findForUpdate(long id);

  long countByState(LabJobState state);

  List<LabJob> findByUserIdOrderByQueuedAtDesc(long userId);

  /** Active jobs per runner, for the fleet page: rows of {runner id, count}. */
  @Query("select j.leaseOwner, count(j) from LabJob j where j.state in :states group by j.leaseOwner")
  List<Object[]> countByLeaseOwner(Collection<LabJobState> states);
}
