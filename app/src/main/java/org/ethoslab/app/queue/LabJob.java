package org.ethoslab.app.queue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.ethoslab.contract.runner.Outcome;

/**
 * One run of a lab for one student. State changes only through the guarded transitions below; each refuses a move its
 * current state does not allow, so a late or duplicated runner call cannot rewrite a finished job.
 */
@Entity
@Table(name = "lab_job")
public class LabJob {

  /** Default priority of a student's own submission. */
  public static final int PRIORITY_NORMAL = 0;
  /** Regrades run after everything a student is waiting for. */
  public static final int PRIORITY_REGRADE = -10;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private LabJobState state;

  private String lab;
  private String labVersion;
  private String input;
  private boolean studentCode;
  private long userId;
  private Long courseId;
  private String computeTier;
  private int priority;
  private int attempt;
  private int infraAttempts;
  private Long leaseOwner;
  private Instant leaseExpiresAt;
  private boolean cancelRequested;
  private Instant queuedAt;
  private Instant claimedAt;
  private Instant startedAt;
  private Instant finishedAt;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  private String message;
  private String evaluation;
  private Long lastSeq;
  private Long completedBy;
  private String runnerIsolation;

  @Version
  private long version;

  protected LabJob() {
  }

  LabJob(JobSubmission submission, String inputJson, boolean studentCode, Instant now) {
    this.state = LabJobState.QUEUED;
    this.lab = submission.lab();
    this.labVersion = submission.labVersion();
    this.input = inputJson;
    this.studentCode = studentCode;
    this.userId = submission.userId();
    this.courseId = submission.courseId();
    this.computeTier = submission.computeTier();
    this.priority = submission.priority();
    this.attempt = 1;
    this.queuedAt = now;
  }

  /**
   * Hands the queued job to a runner until {@code now + lease}, noting the isolation it reported with the claim.
   *
   * @param isolation {@code FULL}, {@code NAMESPACES_ONLY} or {@code NONE}; null when the runner did not say
   */
  void lease(long runnerId, String isolation, Instant now, Duration lease) {
    require(state == LabJobState.QUEUED, "lease");
    state = LabJobState.LEASED;
    leaseOwner = runnerId;
    runnerIsolation = isolation;
    claimedAt = now;
    leaseExpiresAt = now.plus(lease);
  }

  /** Marks the job running on its first sign of life from the runner; repeated calls change nothing. */
  void start(long runnerId, Instant now) {
    requireHeldBy(runnerId, "start");
    if (state == LabJobState.LEASED) {
      state = LabJobState.RUNNING;
      startedAt = now;
    }
  }

  /** Extends the lease of the runner that holds it. */
  void extendLease(long runnerId, Instant now, Duration lease) {
    start(runnerId, now);
    leaseExpiresAt = now.plus(lease);
  }

  /** Ends the job with the runner's verdict. Infrastructure errors go through {@link #requeue} instead. */
  void complete(long runnerId, Outcome result, String verdict, String evaluationJson, long seq, Instant now) {
    requireHeldBy(runnerId, "complete");
    if (result == Outcome.INFRASTRUCTURE_ERROR) {
      throw new IllegalArgumentException("an infrastructure error re-queues the job; use requeue");
    }
    state = switch (result) {
      case SUCCEEDED -> LabJobState.SUCCEEDED;
      case CANCELLED -> LabJobState.CANCELLED;
      default -> LabJobState.FAILED;
    };
    outcome = result;
    message = verdict;
    evaluation = evaluationJson;
    lastSeq = seq;
    completedBy = runnerId;
    finish(now);
  }

  /**
   * Returns a job whose runner failed (lease expired or infrastructure error reported) to the queue, or ends it as an
   * infrastructure error once {@code maxInfraAttempts} tries were spent. Returns true when the job ended.
   */
  boolean requeue(Instant now, int maxInfraAttempts, String reason) {
    require(state.active(), "requeue");
    infraAttempts++;
    message = reason;
    if (infraAttempts >= maxInfraAttempts) {
      state = LabJobState.FAILED;
      outcome = Outcome.INFRASTRUCTURE_ERROR;
      message = reason + " — gave up after " + infraAttempts + " tries; this costs you no attempt";
      completedBy = leaseOwner;
      finish(now);
      return true;
    }
    state = LabJobState.QUEUED;
    attempt++;
    leaseOwner = null;
    leaseExpiresAt = null;
    claimedAt = null;
    startedAt = null;
    return false;
  }

  /**
   * Cancels a queued job at once; asks the runner of an active one to stop (it learns on its next heartbeat).
   * Returns true when the job ended here.
   */
  boolean cancel(Instant now) {
    if (state == LabJobState.QUEUED) {
      state = LabJobState.CANCELLED;
      outcome = Outcome.CANCELLED;
      message = "Cancelled before it started.";
      finish(now);
      return true;
    }
    if (state.active()) {
      cancelRequested = true;
    }
    return false;
  }

  /** True when {@code runnerId} holds the lease of this active job. */
  public boolean isHeldBy(long runnerId) {
    return state.active() && Objects.equals(leaseOwner, runnerId);
  }

  private void finish(Instant now) {
    finishedAt = now;
    leaseOwner = null;
    leaseExpiresAt = null;
    cancelRequested = false;
  }

  private void requireHeldBy(long runnerId, String action) {
    if (!isHeldBy(runnerId)) {
      throw new JobConflictException("runner " + runnerId + " does not hold the lease of job " + id
          + " (state " + state + "); cannot " + action);
    }
  }

  private void require(boolean allowed, String action) {
    if (!allowed) {
      throw new JobConflictException("job " + id + " is " + state + "; cannot " + action);
    }
  }

  public Long getId() {
    return id;
  }

  public LabJobState getState() {
    return state;
  }

  public String getLab() {
    return lab;
  }

  public String getLabVersion() {
    return labVersion;
  }

  /** The labs job JSON, {@code hidden} included: it only ever travels over the authenticated runner channel. */
  public String getInput() {
    return input;
  }

  public boolean hasStudentCode() {
    return studentCode;
  }

  public long getUserId() {
    return userId;
  }

  public Long getCourseId() {
    return courseId;
  }

  public String getComputeTier() {
    return computeTier;
  }

  public int getPriority() {
    return priority;
  }

  public int getAttempt() {
    return attempt;
  }

  public int getInfraAttempts() {
    return infraAttempts;
  }

  public Long getLeaseOwner() {
    return leaseOwner;
  }

  public Instant getLeaseExpiresAt() {
    return leaseExpiresAt;
  }

  public boolean isCancelRequested() {
    return cancelRequested;
  }

  public Instant getQueuedAt() {
    return queuedAt;
  }

  public Instant getClaimedAt() {
    return claimedAt;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getMessage() {
    return message;
  }

  public String getEvaluation() {
    return evaluation;
  }

  public Long getLastSeq() {
    return lastSeq;
  }

  /** The isolation the runner that took the job last reported at its claim; null before any claim. */
  public String getRunnerIsolation() {
    return runnerIsolation;
  }

  /** True when the runner that ran or runs this job had no sandbox (isolation NONE). */
  public boolean ranWithoutSandbox() {
    return "NONE".equals(runnerIsolation);
  }

  public Long getCompletedBy() {
    return completedBy;
  }
}
