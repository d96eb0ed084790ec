package org.ethoslab.app.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ethoslab.contract.runner.JobEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events a job's runner forwarded (progress, logs, metric points), stored once per attempt and sequence number: a
 * batch sent again after a lost reply changes nothing, and a runner that takes over a re-queued job numbers its own
 * events from 1 without colliding with the events of the attempt that died.
 */
@Service
public class JobEventLog {

  /** Event types the labs CLI emits. */
  static final Set<String> TYPES = Set.of("progress", "log", "metric", "phase", "error");
  static final int MAX_BATCH = 500;
  static final int MAX_EVENT_CHARS = 16_384;

  private final LabJobRepository jobs;
  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  JobEventLog(LabJobRepository jobs, NamedParameterJdbcTemplate jdbc, ObjectProvider<Clock> clocks) {
    this.jobs = jobs;
    this.jdbc = jdbc;
    this.clock = clocks.getIfUnique(Clock::systemUTC);
  }

  /**
   * Stores the events whose seq the job does not have yet. Allowed for the runner holding the lease, and for the runner
   * that completed the job (a late resend), which can then only repeat what is stored.
   */
  @Transactional
  public Appended append(long jobId, long runnerId, List<JobEvent> batch) {
    Map<Long, String[]> bySeq = validate(batch);
    LabJob job = jobs.findForUpdate(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
    boolean lateResend = job.getState().terminal() && Objects.equals(job.getCompletedBy(), runnerId);
    if (!job.isHeldBy(runnerId) && !lateResend) {
      throw new JobConflictException("runner " + runnerId + " does not hold the lease of job " + jobId
          + " (state " + job.getState() + ")");
    }
    if (job.isHeldBy(runnerId)) {
      job.start(runnerId, clock.instant());
    }
    if (bySeq.isEmpty()) {
      return new Appended(0, 0, lastGapFreeSeq(jobId, job.getAttempt()));
    }
    int attempt = job.getAttempt();
    List<Long> present = jdbc.queryForList("select seq from lab_job_event where job_id = :job and attempt = :attempt"
        + " and seq in (:seqs)", new MapSqlParameterSource("job", jobId).addValue("attempt", attempt)
        .addValue("seqs", bySeq.keySet()), Long.class);
    present.forEach(bySeq::remove);
    if (lateResend && !bySeq.isEmpty()) {
      throw new JobConflictException("job " + jobId + " already ended; events " + bySeq.keySet() + " are new");
    }
    List<MapSqlParameterSource> rows = new ArrayList<>();
    bySeq.forEach((seq, typeAndData) -> rows.add(new MapSqlParameterSource("job", jobId).addValue("attempt", attempt)
        .addValue("seq", seq).addValue("type", typeAndData[0]).addValue("data", typeAndData[1])));
    jdbc.batchUpdate("insert into lab_job_event (job_id, attempt, seq, type, data)"
        + " values (:job, :attempt, :seq, :type, :data)",
        rows.toArray(MapSqlParameterSource[]::new));
    return new Appended(rows.size(), present.size(), lastGapFreeSeq(jobId, attempt));
  }

  /**
   * The highest seq up to which the attempt has every event (0 when seq 1 is missing), so a runner knows where to
   * resume after lost batches.
   */
  private long lastGapFreeSeq(long jobId, int attempt) {
    MapSqlParameterSource params = new MapSqlParameterSource("job", jobId).addValue("attempt", attempt);
    Long first = jdbc.queryForObject("select min(seq) from lab_job_event where job_id = :job and attempt = :attempt",
        params, Long.class);
    if (first == null || first != 1L) {
      return 0;
    }
    Long last = jdbc.queryForObject("select min(e.seq) from lab_job_event e where e.job_id = :job"
        + " and e.attempt = :attempt and not exists (select 1 from lab_job_event f where f.job_id = e.job_id"
        + " and f.attempt = e.attempt and f.seq = e.seq + 1)", params, Long.class);
    return last == null ? 0 : last;
  }

  /** Events of one attempt of a job after {@code afterSeq}, in order, for live progress pages. */
  @Transactional(readOnly = true)
  public List<StoredEvent> after(long jobId, int attempt, long afterSeq) {
    return jdbc.query("select seq, type, data from lab_job_event where job_id = :job and attempt = :attempt"
        + " and seq > :after order by seq",
        new MapSqlParameterSource("job", jobId).addValue("attempt", attempt).addValue("after", afterSeq),
        (rs, i) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3)));
  }

  private Map<Long, String[]> validate(List<JobEvent> batch) {
    if (batch == null) {
      throw new IllegalArgumentException("events: expected a JSON array of {seq, type, data}");
    }
    if (batch.size() > MAX_BATCH) {
      throw new IllegalArgumentException("events: " + batch.size() + " events in one batch, the limit is " + MAX_BATCH);
    }
    Map<Long, String[]> bySeq = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      JobEvent event = batch.get(i);
      if (event == null || event.seq() < 1) {
        throw new IllegalArgumentException("events[" + i + "].seq: must be 1 or more");
      }
      if (event.type() == null || !TYPES.contains(event.type())) {
        throw new IllegalArgumentException("events[" + i + "].type: expected one of " + TYPES + ", got " + event.type());
      }
      String data;
      try {
        data = event.data() == null ? "{}" : json.writeValueAsString(event.data());
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("events[" + i + "].data: not writable as JSON", e);
      }
      if (data.length() > MAX_EVENT_CHARS) {
        throw new IllegalArgumentException("events[" + i + "].data: " + data.length() + " characters, the limit is "
            + MAX_EVENT_CHARS);
      }
      bySeq.putIfAbsent(event.seq(), new String[] {event.type(), data});
    }
    return bySeq;
  }

  /**
   * What a batch did.
   *
   * @param stored      events that were new
   * @param duplicates  events already stored (a re-sent batch)
   * @param lastSeq     the highest seq up to which the app has every event of this attempt
   */
  public record Appended(int stored, int duplicates, long lastSeq) {
  }

  /** One stored event; {@code data} is the JSON object as the lab emitted it. */
  public record StoredEvent(long seq, String type, String data) {
  }
}
