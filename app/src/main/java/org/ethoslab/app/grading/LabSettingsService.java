package org.ethoslab.app.grading;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.ethoslab.contract.lab.LabSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves an instructor's validated lab settings and, when asked, regrades: a changed late policy (due date, penalty)
 * rescored at once, a changed rubric re-run at regrade priority.
 */
@Service
public class LabSettingsService {

  private final LabAssignmentRepository assignments;
  private final RegradeService regrades;
  private final Clock clock;

  LabSettingsService(LabAssignmentRepository assignments, RegradeService regrades, Clock clock) {
    this.assignments = assignments;
    this.regrades = regrades;
    this.clock = clock;
  }

  /** What saving changed and what was regraded. */
  public record Saved(boolean latePolicyChanged, boolean rubricChanged, int rescored, int rerunsQueued) {
  }

  /** The stored settings of the item, or the defaults when the instructor never saved any. */
  @Transactional(readOnly = true)
  public LabAssignment current(long offeringId, long itemId) {
    return assignments.findByOfferingIdAndItemId(offeringId, itemId)
        .orElseGet(() -> LabAssignment.defaults(offeringId, itemId));
  }

  /** Stores the form (validated by the caller against {@code spec}) and regrades when {@code form.isRegrade()}. */
  @Transactional
  public Saved save(long offeringId, long itemId, LabSettingsForm form, LabSpec spec, long by) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    LabAssignment a = current(offeringId, itemId);
    OffsetDateTime due = LabSettingsJson.utc(form.getDueAt());
    boolean lateChanged = !sameInstant(due, a.getDueAt())
        || form.getLatePenaltyPercentPerDay() != a.getLatePenaltyPercentPerDay();
    String rubric = LabSettingsJson.rubricOverrides(form, spec);
    boolean rubricChanged = !LabSettingsJson.sameJson(rubric, a.getRubricOverrides());
    a.schedule(due, LabSettingsJson.utc(form.getHardCutoffAt()), form.getLatePenaltyPercentPerDay(), now);
    a.limitAttempts(form.getMaxAttempts(), form.getCooldownSeconds(), now);
    a.configure(LabSettingsJson.paramDefaults(form, spec), LabSettingsJson.editableParams(form, spec), rubric,
        form.getScorePolicy(), form.getComputeTier(), form.getHiddenChecks(), now);
    LabAssignment saved = assignments.save(a);
    int rescored = 0;
    int reruns = 0;
    // Late first: it updates the days late that a re-run's new score is later penalised with.
    if (form.isRegrade() && lateChanged) {
      rescored = regrades.applyLatePolicy(saved, by);
    }
    if (form.isRegrade() && rubricChanged) {
      reruns = regrades.rerunWithRubric(saved, by).size();
    }
    return new Saved(lateChanged, rubricChanged, rescored, reruns);
  }

  private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
    return Objects.equals(a == null ? null : a.toInstant(), b == null ? null : b.toInstant());
  }
}
