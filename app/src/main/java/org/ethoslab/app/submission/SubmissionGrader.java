package org.ethoslab.app.submission;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.ethoslab.app.grading.LabAssignment;
import org.ethoslab.app.grading.LabAssignmentRepository;
import org.ethoslab.app.grading.LatePolicy;
import org.ethoslab.app.queue.LabJob;
import org.ethoslab.app.queue.LabJobFinished;
import org.ethoslab.app.queue.LabJobService;
import org.ethoslab.app.queue.StoredEvaluation;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.contract.runner.Outcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Grades a submission when its job ends, inside the job's completing transaction (so a rolled-back completion grades
 * nothing): the raw score and maximum come from the trusted Evaluation, the late penalty from the days late recorded
 * at submission. An infrastructure error or a cancel gives the attempt back.
 */
@Component
class SubmissionGrader {

  private final SubmissionRepository submissions;
  private final LabJobService jobs;
  private final LabAssignmentRepository assignments;
  private final Clock clock;

  SubmissionGrader(SubmissionRepository submissions, LabJobService jobs, LabAssignmentRepository assignments,
                   Clock clock) {
    this.submissions = submissions;
    this.jobs = jobs;
    this.assignments = assignments;
    this.clock = clock;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void onJobFinished(LabJobFinished finished) {
    submissions.findByJobId(finished.jobId()).ifPresent(submission -> grade(submission, finished.outcome()));
  }

  private void grade(Submission submission, Outcome outcome) {
    if (submission.isFinished()) {
      return;
    }
    LabJob job = jobs.find(submission.getJobId());
    Double raw = null;
    Double max = null;
    Double score = null;
    if (outcome == Outcome.SUCCEEDED && job.getEvaluation() != null) {
      Evaluation evaluation = StoredEvaluation.read(job.getEvaluation());
      raw = evaluation.score();
      max = evaluation.maxScore();
      LabAssignment rules = assignments.findByOfferingIdAndItemId(submission.getOfferingId(), submission.getItemId())
          .orElseGet(() -> LabAssignment.defaults(submission.getOfferingId(), submission.getItemId()));
      score = LatePolicy.apply(raw, submission.getDaysLate(), rules.getLatePenaltyPercentPerDay());
    }
    submission.finish(outcome, job.getMessage(), job.getEvaluation(), raw, max, score, OffsetDateTime.now(clock));
  }
}
