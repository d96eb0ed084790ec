package org.ethoslab.app.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Job artifacts (curves, predictions, small model files) in a content-addressed store on disk: a file is named by the
 * SHA-256 of its bytes under {@code ethoslab.queue.artifact-dir}, so identical uploads share one file and a re-sent
 * upload is harmless. Which job has which artifact under which name lives in {@code lab_job_artifact}. All jobs of one
 * offering together keep at most {@code ethoslab.queue.offering-artifact-budget-mb}, counted per stored artifact.
 */
@Service
public class ArtifactStore {

  private static final Logger log = LoggerFactory.getLogger(ArtifactStore.class);

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,119}");

  private final LabJobRepository jobs;
  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Path root;
  private final long maxBytes;
  private final long budgetBytes;

  ArtifactStore(LabJobRepository jobs, NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions,
                QueueProperties properties) {
    this.jobs = jobs;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.root = properties.artifactPath();
    this.maxBytes = properties.artifactMaxBytes();
    this.budgetBytes = properties.offeringArtifactBudgetBytes();
  }

  /**
   * Stores one artifact of a job for the runner holding its lease.
   *
   * @param declaredLength the request's Content-Length, or -1 when unknown; checked before reading a byte
   * @throws ArtifactTooLargeException past {@code ethoslab.queue.artifact-max-bytes}; nothing is stored then
   * @throws ArtifactBudgetExceededException when the job's offering would pass its artifact budget; nothing is stored
   */
  public StoredArtifact store(long jobId, long runnerId, String name, long declaredLength, InputStream body) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name: expected letters, digits, '.', '_' or '-' (at most 120, not starting "
          + "with '.'), got '" + name + "'");
    }
    if (declaredLength > maxBytes) {
      throw new ArtifactTooLargeException(name, maxBytes);
    }
    Long offering = transactions.execute(status -> requireLease(jobId, runnerId).getCourseId());
    if (offering != null && declaredLength > 0) {
      // Refuse before reading the body when its declared size alone would pass the budget.
      requireRoom(offering, jobId, name, declaredLength);
    }
    try {
      Path incoming = Files.createDirectories(root.resolve("incoming"));
      Path temp = Files.createTempFile(incoming, "upload-", ".part");
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long size = copyCapped(body, temp, digest, name);
        String sha256 = HexFormat.of().formatHex(digest.digest());
        StoredArtifact stored = new StoredArtifact(jobId, name, sha256, size);
        transactions.executeWithoutResult(status -> record(stored, runnerId, offering, temp));
        return stored;
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("storing artifact '" + name + "' of job " + jobId + " failed", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * In one transaction: the lease checked again, the offering's budget checked with its row locked (so two uploads of
   * one class cannot both take its last megabytes), then the bytes moved into the store and the row written.
   */
  private void record(StoredArtifact stored, long runnerId, Long offering, Path temp) {
    requireLease(stored.jobId(), runnerId);
    if (offering != null) {
      jdbc.queryForList("select id from offering where id = :offering for update",
          new MapSqlParameterSource("offering", offering), Long.class);
      requireRoom(offering, stored.jobId(), stored.name(), stored.sizeBytes());
    }
    Path file = root.resolve(stored.sha256().substring(0, 2)).resolve(stored.sha256());
    try {
      Files.createDirectories(file.getParent());
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException sameBytesStoredBefore) {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("moving artifact '" + stored.name() + "' into the store failed", e);
    }
    MapSqlParameterSource row = new MapSqlParameterSource("job", stored.jobId()).addValue("name", stored.name())
        .addValue("sha", stored.sha256()).addValue("size", stored.sizeBytes());
    jdbc.update("delete from lab_job_artifact where job_id = :job and name = :name", row);
    jdbc.update("insert into lab_job_artifact (job_id, name, sha256, size_bytes) values (:job, :name, :sha, :size)",
        row);
  }

  /**
   * Refuses {@code bytes} more for the offering when they would pass its budget. An artifact re-sent under the same
   * name replaces the old one, so the old one's size does not count.
   */
  private void requireRoom(long offering, long jobId, String name, long bytes) {
    Long used = jdbc.queryForObject("select coalesce(sum(a.size_bytes), 0) from lab_job_artifact a"
            + " join lab_job j on j.id = a.job_id where j.course_id = :offering"
            + " and not (a.job_id = :job and a.name = :name)",
        new MapSqlParameterSource("offering", offering).addValue("job", jobId).addValue("name", name), Long.class);
    if (used + bytes > budgetBytes) {
      log.info("Offering {} has used its artifact budget ({} MB): artifact '{}' of job {} ({} bytes) is not kept",
          offering, budgetBytes >> 20, name, jobId, bytes);
      throw new ArtifactBudgetExceededException(budgetBytes >> 20);
    }
  }

  /** The artifacts of a job, by name. */
  public List<StoredArtifact> list(long jobId) {
    return jdbc.query("select name, sha256, size_bytes from lab_job_artifact where job_id = :job order by name",
        new MapSqlParameterSource("job", jobId),
        (rs, i) -> new StoredArtifact(jobId, rs.getString(1), rs.getString(2), rs.getLong(3)));
  }

  /** The file holding an artifact's bytes, if the job has one by that name. */
  public Optional<Path> file(long jobId, String name) {
    return list(jobId).stream().filter(a -> a.name().equals(name)).findFirst()
        .map(a -> root.resolve(a.sha256().substring(0, 2)).resolve(a.sha256()));
  }

  /** The job, locked, when the runner holds its lease; call inside a transaction. */
  private LabJob requireLease(long jobId, long runnerId) {
    LabJob job = jobs.findForUpdate(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
    if (!job.isHeldBy(runnerId)) {
      throw new JobConflictException("runner " + runnerId + " does not hold the lease of job " + jobId
          + " (state " + job.getState() + ")");
    }
    return job;
  }

  private long copyCapped(InputStream in, Path target, MessageDigest digest, String name) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > maxBytes) {
          throw new ArtifactTooLargeException(name, maxBytes);
        }
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
    }
    return total;
  }

  /** Where an artifact's bytes are and what they hash to. */
  public record StoredArtifact(long jobId, String name, String sha256, long sizeBytes) {
  }
}
