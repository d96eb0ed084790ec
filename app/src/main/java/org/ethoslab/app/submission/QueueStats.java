package org.ethoslab.app.submission;

import java.time.Instant;
import java.util.List;

import org.ethoslab.app.queue.LabJob;
import org.ethoslab.app.queue.LabJobState;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Read-only queue figures for the run page: jobs ahead of one, and how long recent runs of a lab took. */
interface QueueStats extends Repository<LabJob, Long> {

  /** Queued jobs of the same tier a runner would claim first (higher priority, or same priority and older). */
  @Query("select count(j) from LabJob j where j.state = :queued and j.computeTier = :tier and "
      + "(j.priority > :priority or (j.priority = :priority and j.queuedAt < :queuedAt))")
  long ahead(@Param("queued") LabJobState queued, @Param("tier") String tier, @Param("priority") int priority,
             @Param("queuedAt") Instant queuedAt);

  /** Jobs of a tier that a runner holds right now. */
  @Query("select count(j) from LabJob j where j.computeTier = :tier and j.state in :active")
  long active(@Param("tier") String tier, @Param("active") List<LabJobState> active);

  /** Start and end of recent successful runs of a lab, newest first. */
  @Query("select j.startedAt, j.finishedAt from LabJob j where j.lab = :lab and j.state = :done "
      + "and j.startedAt is not null and j.finishedAt is not null order by j.finishedAt desc")
  List<Object[]> recentRuns(@Param("lab") String lab, @Param("done") LabJobState done, Pageable page);
}
