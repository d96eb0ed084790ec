package org.ethoslab.app.grading;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The instructor's settings of one lab item as typed in the form. Everything is text or boxed so that a wrong value is
 * reported next to its field by {@link LabSettingsValidator} instead of failing the binding. Dates are in UTC.
 */
public class LabSettingsForm {

  /** Parameter name → default value typed by the instructor (blank: the lab's own default). */
  private Map<String, String> defaults = new LinkedHashMap<>();

  /** Names of the parameters students may change. */
  private Set<String> editable = new LinkedHashSet<>();

  /** Check id → threshold (blank: the lab's own). */
  private Map<String, String> thresholds = new LinkedHashMap<>();

  /** Check id → points (blank: the lab's own). */
  private Map<String, String> points = new LinkedHashMap<>();

  private Integer maxAttempts;
  private Integer cooldownSeconds = 0;

  @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
  private LocalDateTime dueAt;

  @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
  private LocalDateTime hardCutoffAt;

  private Integer latePenaltyPercentPerDay = 10;
  private ScorePolicy scorePolicy = ScorePolicy.BEST;
  private String computeTier = "cpu-small";
  private HiddenChecks hiddenChecks = HiddenChecks.ALWAYS;

  /** Whether to regrade existing submissions when the late policy or rubric changed. */
  private boolean regrade;

  public Map<String, String> getDefaults() {
    return defaults;
  }

  public void setDefaults(Map<String, String> defaults) {
    this.defaults = defaults;
  }

  public Set<String> getEditable() {
    return editable;
  }

  public void setEditable(Set<String> editable) {
    this.editable = editable;
  }

  public Map<String, String> getThresholds() {
    return thresholds;
  }

  public void setThresholds(Map<String, String> thresholds) {
    this.thresholds = thresholds;
  }

  public Map<String, String> getPoints() {
    return points;
  }

  public void setPoints(Map<String, String> points) {
    this.points = points;
  }

  public Integer getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(Integer maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public Integer getCooldownSeconds() {
    return cooldownSeconds;
  }

  public void setCooldownSeconds(Integer cooldownSeconds) {
    this.cooldownSeconds = cooldownSeconds;
  }

  public LocalDateTime getDueAt() {
    return dueAt;
  }

  public void setDueAt(LocalDateTime dueAt) {
    this.dueAt = dueAt;
  }

  public LocalDateTime getHardCutoffAt() {
    return hardCutoffAt;
  }

  public void setHardCutoffAt(LocalDateTime hardCutoffAt) {
    this.hardCutoffAt = hardCutoffAt;
  }

  public Integer getLatePenaltyPercentPerDay() {
    return latePenaltyPercentPerDay;
  }

  public void setLatePenaltyPercentPerDay(Integer latePenaltyPercentPerDay) {
    this.latePenaltyPercentPerDay = latePenaltyPercentPerDay;
  }

  public ScorePolicy getScorePolicy() {
    return scorePolicy;
  }

  public void setScorePolicy(ScorePolicy scorePolicy) {
    this.scorePolicy = scorePolicy;
  }

  public String getComputeTier() {
    return computeTier;
  }

  public void setComputeTier(String computeTier) {
    this.computeTier = computeTier;
  }

  public HiddenChecks getHiddenChecks() {
    return hiddenChecks;
  }

  public void setHiddenChecks(HiddenChecks hiddenChecks) {
    this.hiddenChecks = hiddenChecks;
  }

  public boolean isRegrade() {
    return regrade;
  }

  public void setRegrade(boolean regrade) {
    this.regrade = regrade;
  }
}
