package org.ethoslab.app.grading;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How one lab item is run and graded in one offering. An item without a row uses {@link #defaults(long, long)}.
 * JSON-valued settings are kept as text: {@code paramDefaults} (name → value), {@code editableParams} (array of names
 * students may change; null means all), {@code rubricOverrides} (check id → {@code {"threshold":…,"points":…}}).
 */
@Entity
@Table(name = "lab_assignment")
public class LabAssignment {

  /** Attempts a student gets when the instructor has not set a number. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "offering_id", nullable = false)
  private long offeringId;

  @Column(name = "item_id", nullable = false)
  private long itemId;

  @Column(name = "param_defaults")
  private String paramDefaults;

  @Column(name = "editable_params")
  private String editableParams;

  @Column(name = "rubric_overrides")
  private String rubricOverrides;

  @Column(name = "max_attempts")
  private Integer maxAttempts;

  @Column(name = "cooldown_seconds", nullable = false)
  private int cooldownSeconds;

  @Column(name = "due_at")
  private OffsetDateTime dueAt;

  @Column(name = "late_penalty_percent_per_day", nullable = false)
  private int latePenaltyPercentPerDay;

  @Column(name = "hard_cutoff_at")
  private OffsetDateTime hardCutoffAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "score_policy", nullable = false)
  private ScorePolicy scorePolicy;

  @Column(name = "compute_tier", nullable = false)
  private String computeTier;

  @Enumerated(EnumType.STRING)
  @Column(name = "hidden_checks", nullable = false)
  private HiddenChecks hiddenChecks;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected LabAssignment() {
  }

  /** The settings of an item the instructor has not configured: 5 attempts, no deadline, best score counts. */
  public static LabAssignment defaults(long offeringId, long itemId) {
    LabAssignment a = new LabAssignment();
    a.offeringId = offeringId;
    a.itemId = itemId;
    a.maxAttempts = DEFAULT_MAX_ATTEMPTS;
    a.cooldownSeconds = 0;
    a.latePenaltyPercentPerDay = 10;
    a.scorePolicy = ScorePolicy.BEST;
    a.computeTier = "cpu-small";
    a.hiddenChecks = HiddenChecks.ALWAYS;
    a.updatedAt = OffsetDateTime.now();
    return a;
  }

  /**
   * Replaces the deadline and late policy; a hard cutoff before the due date is refused.
   *
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public void schedule(OffsetDateTime dueAt, OffsetDateTime hardCutoffAt, int latePenaltyPercentPerDay,
                       OffsetDateTime now) {
    if (latePenaltyPercentPerDay < 0 || latePenaltyPercentPerDay > 100) {
      throw new IllegalArgumentException("latePenaltyPercentPerDay: must be between 0 and 100, got "
          + latePenaltyPercentPerDay);
    }
    if (hardCutoffAt != null && dueAt != null && hardCutoffAt.isBefore(dueAt)) {
      throw new IllegalArgumentException("hardCutoffAt: must not be before the due date");
    }
    this.dueAt = dueAt;
    this.hardCutoffAt = hardCutoffAt;
    this.latePenaltyPercentPerDay = latePenaltyPercentPerDay;
    this.updatedAt = now;
  }

  /**
   * Replaces the attempt rules.
   *
   * @param maxAttempts null for unlimited, else 1–100
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public void limitAttempts(Integer maxAttempts, int cooldownSeconds, OffsetDateTime now) {
    if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > 100)) {
      throw new IllegalArgumentException("maxAttempts: must be between 1 and 100, got " + maxAttempts);
    }
    if (cooldownSeconds < 0 || cooldownSeconds > 86_400) {
      throw new IllegalArgumentException("cooldownSeconds: must be between 0 and 86400, got " + cooldownSeconds);
    }
    this.maxAttempts = maxAttempts;
    this.cooldownSeconds = cooldownSeconds;
    this.updatedAt = now;
  }

  /** Replaces how the lab runs and what counts: JSON settings are validated by the caller against the LabSpec. */
  public void configure(String paramDefaults, String editableParams, String rubricOverrides, ScorePolicy scorePolicy,
                        String computeTier, HiddenChecks hiddenChecks, OffsetDateTime now) {
    this.paramDefaults = paramDefaults;
    this.editableParams = editableParams;
    this.rubricOverrides = rubricOverrides;
    this.scorePolicy = scorePolicy;
    this.computeTier = computeTier;
    this.hiddenChecks = hiddenChecks;
    this.updatedAt = now;
  }

  /** The cooldown between two submissions of one student. */
  public Duration cooldown() {
    return Duration.ofSeconds(cooldownSeconds);
  }

  public Long getId() {
    return id;
  }

  public long getOfferingId() {
    return offeringId;
  }

  public long getItemId() {
    return itemId;
  }

  public String getParamDefaults() {
    return paramDefaults;
  }

  public String getEditableParams() {
    return editableParams;
  }

  public String getRubricOverrides() {
    return rubricOverrides;
  }

  public Integer getMaxAttempts() {
    return maxAttempts;
  }

  public int getCooldownSeconds() {
    return cooldownSeconds;
  }

  public OffsetDateTime getDueAt() {
    return dueAt;
  }

  public int getLatePenaltyPercentPerDay() {
    return latePenaltyPercentPerDay;
  }

  public OffsetDateTime getHardCutoffAt() {
    return hardCutoffAt;
  }

  public ScorePolicy getScorePolicy() {
    return scorePolicy;
  }

  public String getComputeTier() {
    return computeTier;
  }

  public HiddenChecks getHiddenChecks() {
    return hiddenChecks;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
