package org.ethoslab.app.grading;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import org.ethoslab.app.queue.JobSubmission;
import org.ethoslab.app.queue.LabJob;
import org.ethoslab.app.queue.LabJobFinished;
import org.ethoslab.app.queue.LabJobService;
import org.ethoslab.app.queue.StoredEvaluation;
import org.ethoslab.app.submission.Submission;
import org.ethoslab.app.submission.SubmissionRepository;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.contract.runner.Outcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Regrades the graded submissions of a lab item after its settings changed. A late-policy change is applied at once
 * from each stored raw score. A rubric change cannot be applied to stored numbers honestly (a check's metric may not
 * be in the stored evaluation, and the evaluation must be the trusted one), so each submission's job input is run
 * again with the new rubric at {@link LabJob#PRIORITY_REGRADE}, behind every job a student is waiting for.
 */
@Service
public class RegradeService {

  private static final TypeReference<Map<String, JobInput.RubricOverride>> RUBRIC = new TypeReference<>() { };

  private final SubmissionRepository submissions;
  private final SubmissionRescoring rescoring;
  private final RegradeRepository regrades;
  private final LabAssignmentRepository assignments;
  private final LabJobService jobService;
  private final Clock clock;

  RegradeService(SubmissionRepository submissions, SubmissionRescoring rescoring, RegradeRepository regrades,
                 LabAssignmentRepository assignments, LabJobService jobService, Clock clock) {
    this.submissions = submissions;
    this.rescoring = rescoring;
    this.regrades = regrades;
    this.assignments = assignments;
    this.jobService = jobService;
    this.clock = clock;
  }

  /**
   * Penalises every graded submission of the item again under the assignment's current due date and late policy.
   *
   * @return how many scores changed
   */
  @Transactional
  public int applyLatePolicy(LabAssignment assignment, long requestedBy) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int changed = 0;
    for (Submission s : graded(assignment)) {
      int daysLate = LatePolicy.daysLate(assignment, s.getSubmittedAt());
      double score = LatePolicy.apply(s.getRawScore(), daysLate, assignment.getLatePenaltyPercentPerDay());
      if (daysLate == s.getDaysLate() && Objects.equals(score, s.getScore())) {
        continue;
      }
      Regrade regrade = new Regrade(s.getId(), s.getOfferingId(), Regrade.Kind.LATE_POLICY, requestedBy,
          s.getScore(), now);
      regrade.finish(Outcome.SUCCEEDED, score, now);
      regrades.save(regrade);
      rescoring.rescoreLate(s.getId(), daysLate, score);
      changed++;
    }
    return changed;
  }

  /**
   * Queues a re-run with the assignment's current rubric for every graded submission of the item.
   *
   * @return the queued regrade jobs
   */
  @Transactional
  public List<LabJob> rerunWithRubric(LabAssignment assignment, long requestedBy) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<String, JobInput.RubricOverride> rubric = rubric(assignment.getRubricOverrides());
    return graded(assignment).stream()
        .filter(s -> s.getJobId() != null)
        .map(s -> {
          LabJob original = jobService.find(s.getJobId());
          JobInput input = withRubric(readInput(original.getInput()), rubric);
          LabJob job = jobService.submit(new JobSubmission(original.getLab(), original.getLabVersion(),
              input.toJson(), s.getUserId(), s.getOfferingId(), assignment.getComputeTier(),
              LabJob.PRIORITY_REGRADE));
          Regrade regrade = new Regrade(s.getId(), s.getOfferingId(), Regrade.Kind.RUBRIC, requestedBy,
              s.getScore(), now);
          regrade.attachJob(job.getId());
          regrades.save(regrade);
          return job;
        })
        .toList();
  }

  /**
   * Applies a finished regrade run: its trusted evaluation replaces the submission's, penalised for the days the
   * submission was late. A run that failed (for whatever reason) leaves the submission's grade as it was. Runs in
   * the completing transaction, so a completion that commits always carries its regrade.
   */
  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void onJobFinished(LabJobFinished finished) {
    regrades.findByJobId(finished.jobId()).filter(r -> !r.isFinished()).ifPresent(regrade -> {
      OffsetDateTime now = OffsetDateTime.now(clock);
      LabJob job = jobService.find(finished.jobId());
      Submission s = submissions.findById(regrade.getSubmissionId()).orElseThrow();
      if (finished.outcome() != Outcome.SUCCEEDED || job.getEvaluation() == null) {
        regrade.finish(finished.outcome(), null, now);
        regrades.save(regrade);
        return;
      }
      Evaluation evaluation = StoredEvaluation.read(job.getEvaluation());
      double raw = evaluation.score();
      double max = evaluation.maxScore();
      LabAssignment assignment = assignments.findByOfferingIdAndItemId(s.getOfferingId(), s.getItemId())
          .orElseGet(() -> LabAssignment.defaults(s.getOfferingId(), s.getItemId()));
      double score = LatePolicy.apply(raw, s.getDaysLate(), assignment.getLatePenaltyPercentPerDay());
      regrade.finish(Outcome.SUCCEEDED, score, now);
      regrades.save(regrade);
      rescoring.rescoreEvaluation(s.getId(), job.getEvaluation(), raw, max, score);
    });
  }

  private List<Submission> graded(LabAssignment assignment) {
    return submissions.findByOfferingIdAndItemIdOrderBySubmittedAtAsc(assignment.getOfferingId(),
            assignment.getItemId()).stream()
        .filter(Submission::isGraded)
        .filter(s -> s.getRawScore() != null)
        .toList();
  }

  /** The same job with another rubric: seed, parameters, hooks and hidden data stay those of the original run. */
  private static JobInput withRubric(JobInput in, Map<String, JobInput.RubricOverride> rubric) {
    return new JobInput(null, in.lab(), in.labVersion(), in.seed(), in.params(), in.hooks(), rubric, in.resources(),
        in.limits(), in.hidden(), in.dataset(), null);
  }

  private static Map<String, JobInput.RubricOverride> rubric(String rubricOverrides) {
    if (rubricOverrides == null || rubricOverrides.isBlank()) {
      return Map.of();
    }
    try {
      return ContractJson.MAPPER.readValue(rubricOverrides, RUBRIC);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored rubric overrides are unreadable: " + e.getOriginalMessage(), e);
    }
  }

  private static JobInput readInput(String json) {
    try {
      return JobInput.parse(ContractJson.MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored job input is unreadable: " + e.getOriginalMessage(), e);
    }
  }
}
