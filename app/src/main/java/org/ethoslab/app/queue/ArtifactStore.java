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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Job artifacts (curves, predictions, small model files) in a content-addressed store on disk: a file is named by the
 * SHA-256 of its bytes under {@code ethoslab.queue.artifact-dir}, so identical uploads share one file and a re-sent
 * upload is harmless. Which job has which artifact under which name lives in {@code lab_job_artifact}.
 */
@Service
public class ArtifactStore {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,119}");

  private final LabJobRepository jobs;
  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Path root;
  private final long maxBytes;

  ArtifactStore(LabJobRepository jobs, NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions,
                QueueProperties properties) {
    this.jobs = jobs;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.root = properties.artifactPath();
    this.maxBytes = properties.artifactMaxBytes();
  }

  /**
   * Stores one artifact of a job for the runner holding its lease.
   *
   * @param declaredLength the request's Content-Length, or -1 when unknown; checked before reading a byte
   * @throws ArtifactTooLargeException past {@code ethoslab.queue.artifact-max-bytes}; nothing is stored then
   */
  public StoredArtifact store(long jobId, long runnerId, String name, long declaredLength, InputStream body) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name: expected letters, digits, '.', '_' or '-' (at most 120, not starting "
          + "with '.'), got '" + name + "'");
    }
    if (declaredLength > maxBytes) {
      throw new ArtifactTooLargeException(name, maxBytes);
    }
    requireLease(jobId, runnerId);
    Path file;
    String sha256;
    long size;
    try {
      Path incoming = Files.createDirectories(root.resolve("incoming"));
      Path temp = Files.createTempFile(incoming, "upload-", ".part");
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        size = copyCapped(body, temp, digest, name);
        sha256 = HexFormat.of().formatHex(digest.digest());
        file = root.resolve(sha256.substring(0, 2)).resolve(sha256);
        Files.createDirectories(file.getParent());
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException sameBytesStoredBefore) {
          Files.deleteIfExists(temp);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("storing artifact '" + name + "' of job " + jobId + " failed", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    StoredArtifact stored = new StoredArtifact(jobId, name, sha256, size);
    transactions.executeWithoutResult(status -> {
      requireLease(jobId, runnerId);
      MapSqlParameterSource row = new MapSqlParameterSource("job", jobId).addValue("name", name)
          .addValue("sha", sha256).addValue("size", size);
      jdbc.update("delete from lab_job_artifact where job_id = :job and name = :name", row);
      jdbc.update("insert into lab_job_artifact (job_id, name, sha256, size_bytes) values (:job, :name, :sha, :size)",
          row);
    });
    return stored;
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

  private void requireLease(long jobId, long runnerId) {
    transactions.executeWithoutResult(status -> {
      LabJob job = jobs.findForUpdate(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
      if (!job.isHeldBy(runnerId)) {
        throw new JobConflictException("runner " + runnerId + " does not hold the lease of job " + jobId
            + " (state " + job.getState() + ")");
      }
    });
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
