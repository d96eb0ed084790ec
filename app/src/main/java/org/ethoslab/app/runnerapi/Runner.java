package org.ethoslab.app.runnerapi;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registered runner: its name, the SHA-256 of its token (never the token), and what it last reported. */
@Entity
@Table(name = "runner")
public class Runner {

  /** Isolation a runner reports when it cannot sandbox student code. */
  public static final String ISOLATION_NONE = "NONE";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;
  private String tokenHash;
  private boolean internalRunner;
  private boolean allowUnsandboxed;
  private Instant createdAt;
  private Instant revokedAt;
  private Instant lastSeenAt;
  private String capabilities;
  private String isolation;
  private int gpus;

  protected Runner() {
  }

  Runner(String name, String tokenHash, boolean internalRunner, Instant now) {
    this.name = name;
    this.tokenHash = tokenHash;
    this.internalRunner = internalRunner;
    this.createdAt = now;
  }

  /** Stops the token from working; the runner's leased jobs return to the queue when their leases run out. */
  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  /** Gives the runner a new token (the app's own runner gets a fresh one at every start) and un-revokes it. */
  void replaceToken(String newTokenHash, boolean unsandboxedAllowed) {
    tokenHash = newTokenHash;
    allowUnsandboxed = unsandboxedAllowed;
    revokedAt = null;
  }

  void reported(String capabilitiesJson, String isolationLevel, int gpuCount, Instant now) {
    capabilities = capabilitiesJson;
    isolation = isolationLevel;
    gpus = gpuCount;
    lastSeenAt = now;
  }

  void seen(Instant now) {
    lastSeenAt = now;
  }

  /**
   * True when jobs with student code may go to this runner: it reported isolation, or it is the app's own runner on a
   * localhost-only install started with {@code ETHOSLAB_RUNNER_ALLOW_UNSANDBOXED=true} (development on one's own
   * machine).
   */
  public boolean mayRunStudentCode() {
    return isolation != null && !ISOLATION_NONE.equals(isolation) || allowUnsandboxed;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  String getTokenHash() {
    return tokenHash;
  }

  public boolean isInternalRunner() {
    return internalRunner;
  }

  public boolean isAllowUnsandboxed() {
    return allowUnsandboxed;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public Instant getLastSeenAt() {
    return lastSeenAt;
  }

  /** The last {@code RunnerCapabilities} JSON the runner sent with a claim. */
  public String getCapabilities() {
    return capabilities;
  }

  public String getIsolation() {
    return isolation;
  }

  public int getGpus() {
    return gpus;
  }
}
