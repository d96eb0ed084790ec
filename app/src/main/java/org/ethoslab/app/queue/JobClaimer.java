package org.ethoslab.app.queue;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Picks the next job for a runner with {@code SELECT … FOR UPDATE SKIP LOCKED}, which PostgreSQL and H2 both honour: a
 * row another claimer has locked is skipped, not waited for, so concurrent claimers never get the same job and never
 * queue behind each other.
 *
 * <p>Order (docs/architecture.md): compute tier match (a GPU runner takes GPU work first; a runner without GPUs never sees it), then
 * fair share (fewest active jobs of that student, then of that course), then priority (regrades last), then age.
 * Active jobs per student and course are counted once per claim in grouped sub-selects joined to the queued rows.
 * Per-user and per-course caps are checked against committed rows; two claims committing at the same instant can each
 * see the other's job as still queued, so a cap may be passed by at most the number of simultaneous claims.
 */
@Component
class JobClaimer {

  private static final String ACTIVE = "('LEASED','RUNNING')";
  /** Active jobs per student and per course, counted once per claim rather than once per queued row. */
  private static final String ACTIVE_COUNTS =
      " left join (select user_id, count(*) n from lab_job where state in " + ACTIVE + " group by user_id) au"
      + " on au.user_id = j.user_id"
      + " left join (select course_id, count(*) n from lab_job where state in " + ACTIVE
      + " and course_id is not null group by course_id) ac on ac.course_id = j.course_id";

  private final NamedParameterJdbcTemplate jdbc;
  private final LabJobRepository jobs;
  private final QueueProperties properties;
  private final Clock clock;

  private volatile String lockClause;

  JobClaimer(NamedParameterJdbcTemplate jdbc, LabJobRepository jobs, QueueProperties properties,
             ObjectProvider<Clock> clocks) {
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
    StringBuilder sql = new StringBuilder("select j.id from lab_job j").append(ACTIVE_COUNTS)
        .append(" where j.state = 'QUEUED'");
    if (!scope.hasGpu()) {
      sql.append(" and j.compute_tier <> :gpuTier");
      params.addValue("gpuTier", JobSubmission.GPU);
    }
    if (!scope.mayRunStudentCode()) {
      sql.append(" and j.student_code = false");
    }
    appendLabFilter(scope.labs(), sql, params);
    sql.append(" and coalesce(au.n, 0) < :userCap and coalesce(ac.n, 0) < :courseCap")
        .append(" order by case when j.compute_tier = :preferredTier then 0 else 1 end,")
        .append(" coalesce(au.n, 0), coalesce(ac.n, 0), j.priority desc, j.queued_at, j.id")
        .append(" limit 1 ").append(lockClause());
    params.addValue("preferredTier", scope.hasGpu() ? JobSubmission.GPU : JobSubmission.CPU_SMALL);

    List<Long> ids = jdbc.queryForList(sql.toString(), params, Long.class);
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    // The row is locked by this transaction already; the JPA load sees it as it is.
    LabJob job = jobs.findById(ids.get(0)).orElseThrow(() -> new JobNotFoundException(ids.get(0)));
    job.lease(scope.runnerId(), scope.isolation(), clock.instant(), properties.lease());
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

  /**
   * PostgreSQL refuses to lock rows of the grouped sub-selects, so it is told to lock the job rows only
   * ({@code OF j}); H2 has no {@code OF} and locks only the main table's rows anyway.
   */
  private String lockClause() {
    String clause = lockClause;
    if (clause == null) {
      DataSource dataSource = jdbc.getJdbcTemplate().getDataSource();
      String product;
      try {
        product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      } catch (MetaDataAccessException e) {
        throw new IllegalStateException("cannot tell which database the queue runs on", e);
      }
      clause = "PostgreSQL".equalsIgnoreCase(product) ? "for update of j skip locked" : "for update skip locked";
      lockClause = clause;
    }
    return clause;
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
   * @param isolation          the isolation it reported, kept on the job it leases so its pages can say "no sandbox"
   */
  record ClaimScope(long runnerId, boolean hasGpu, List<String> labs, boolean mayRunStudentCode, String isolation) {
    ClaimScope {
      labs = labs == null ? List.of() : List.copyOf(labs);
    }
  }
}
