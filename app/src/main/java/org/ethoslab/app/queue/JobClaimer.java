package org.ethoslab.app.queue;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Picks the next job for a runner with {@code SELECT … FOR UPDATE SKIP LOCKED}, which PostgreSQL and H2 both honour: a
 * row another claimer has locked is skipped, not waited for, so concurrent claimers never get the same job and never
 * queue behind each other.
 *
 * <p>Order (DESIGN.md): compute tier match (a GPU runner takes GPU work first; a runner without GPUs never sees it), then
 * fair share (fewest active jobs of that student, then of that course), then priority (regrades last), then age.
 * Per-user and per-course caps are checked against committed rows; two claims committing at the same instant can each
 * see the other's job as still queued, so a cap may be passed by at most the number of simultaneous claims.
 */
@Component
class JobClaimer {

  private static final String ACTIVE = "('LEASED','RUNNING')";
  private static final String USER_ACTIVE =
      "(select count(*) from lab_job a where a.user_id = j.user_id and a.state in " + ACTIVE + ")";
  private static final String COURSE_ACTIVE =
      "(select count(*) from lab_job a where a.course_id = j.course_id and a.state in " + ACTIVE + ")";

  private final NamedParameterJdbcTemplate jdbc;
  private final LabJobRepository jobs;
  private final QueueProperties properties;
  private final Clock clock;

  JobClaimer(NamedParameterJdbcTemplate jdbc, LabJobRepository jobs, QueueProperties properties, ObjectProvider<Clock> clocks) {
    this.jdbc = jdbc;
    this.jobs = jobs;
    this.properties = properties;
    this.clock = clocks.getIfUnique(Clock::systemUTC);
  }

  /** Leases the best job for the runner, or returns empty when none fits right now. */
  @Transactional
  public Optional<LabJob> claimOne(ClaimScope scope) {
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("userCap", properties.maxRunningPerUser())
        .addValue("courseCap", properties.maxRunningPerCourse());
    StringBuilder sql = new StringBuilder("select j.id from lab_job j where j.state = 'QUEUED'");
    if (!scope.hasGpu()) {
      sql.append(" and j.compute_tier <> :gpuTier");
      params.addValue("gpuTier", JobSubmission.GPU);
    }
    if (!scope.mayRunStudentCode()) {
      sql.append(" and j.student_code = false");
    }
    appendLabFilter(scope.labs(), sql, params);
    sql.append(" and ").append(USER_ACTIVE).append(" < :userCap")
        .append(" and (j.course_id is null or ").append(COURSE_ACTIVE).append(" < :courseCap)")
        .append(" order by case when j.compute_tier = :preferredTier then 0 else 1 end, ")
        .append(USER_ACTIVE).append(", coalesce(").append(COURSE_ACTIVE).append(", 0), ")
        .append("j.priority desc, j.queued_at, j.id")
        .append(" limit 1 for update skip locked");
    params.addValue("preferredTier", scope.hasGpu() ? JobSubmission.GPU : JobSubmission.CPU_SMALL);

    List<Long> ids = jdbc.queryForList(sql.toString(), params, Long.class);
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    // The row is locked by this transaction already; the JPA load sees it as it is.
    LabJob job = jobs.findById(ids.get(0)).orElseThrow(() -> new JobNotFoundException(ids.get(0)));
    job.lease(scope.runnerId(), clock.instant(), properties.lease());
    return Optional.of(job);
  }

  /** Ids of active jobs whose lease ran out, locked for the reaper (rows a runner is acting on right now are skipped). */
  @Transactional
  public List<Long> lockExpiredLeases(int limit) {
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .addValue("limit", limit);
    return jdbc.queryForList("select j.id from lab_job j where j.state in " + ACTIVE
        + " and j.lease_expires_at < :now order by j.lease_expires_at limit :limit for update skip locked",
        params, Long.class);
  }

  /** A runner entry is {@code lab} (any version) or {@code lab@version}; no entries means every lab. */
  private static void appendLabFilter(List<String> labs, StringBuilder sql, MapSqlParameterSource params) {
    if (labs.isEmpty()) {
      return;
    }
    List<String> anyVersion = new ArrayList<>();
    List<String> exact = new ArrayList<>();
    for (String entry : labs) {
      (entry.contains("@") ? exact : anyVersion).add(entry);
    }
    List<String> terms = new ArrayList<>();
    if (!anyVersion.isEmpty()) {
      terms.add("j.lab in (:anyVersionLabs)");
      params.addValue("anyVersionLabs", anyVersion);
    }
    if (!exact.isEmpty()) {
      terms.add("(j.lab || '@' || j.lab_version) in (:exactLabs)");
      params.addValue("exactLabs", exact);
    }
    sql.append(" and (").append(String.join(" or ", terms)).append(")");
  }

  /**
   * What a claiming runner may take.
   *
   * @param runnerId           the runner
   * @param hasGpu             it reported at least one GPU
   * @param labs               labs it has installed ({@code id} or {@code id@version}); empty = all
   * @param mayRunStudentCode  false for a runner without isolation (unless it is the local development runner)
   */
  record ClaimScope(long runnerId, boolean hasGpu, List<String> labs, boolean mayRunStudentCode) {
    ClaimScope {
      labs = labs == null ? List.of() : List.copyOf(labs);
    }
  }
}
