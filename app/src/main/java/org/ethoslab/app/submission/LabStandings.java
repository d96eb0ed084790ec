package org.ethoslab.app.submission;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ethoslab.app.grading.LabAssignment;
import org.ethoslab.app.grading.LabAssignmentRepository;
import org.ethoslab.app.grading.LatePolicy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student's standing on each lab item of an offering, for the dashboard: attempts used and left, best and latest
 * score, the due date and whether they are (or were) late. Only the student's own submissions are read.
 */
@Service
public class LabStandings {

  private final SubmissionRepository submissions;
  private final LabAssignmentRepository assignments;
  private final Clock clock;

  LabStandings(SubmissionRepository submissions, LabAssignmentRepository assignments, Clock clock) {
    this.submissions = submissions;
    this.assignments = assignments;
    this.clock = clock;
  }

  /**
   * One lab item.
   *
   * @param lateStatus {@code none}, {@code open} (due date ahead), {@code late} (past due, still accepted),
   *                   {@code closed} (past the hard cutoff)
   */
  public record Standing(long itemId, int attemptsUsed, Integer maxAttempts, Double best, Double latest,
                         Double maxScore, OffsetDateTime dueAt, String lateStatus, boolean submittedLate,
                         Long latestSubmissionId, boolean inProgress) {

    /** Attempts left, or null when unlimited. */
    public Integer attemptsLeft() {
      return maxAttempts == null ? null : Math.max(0, maxAttempts - attemptsUsed);
    }
  }

  /** Standings by item id, for the given lab items of the offering. */
  @Transactional(readOnly = true)
  public Map<Long, Standing> of(long userId, long offeringId, List<Long> labItemIds) {
    Map<Long, List<Submission>> byItem = submissions.findByUserIdAndOfferingIdOrderBySubmittedAtDesc(userId,
        offeringId).stream().collect(Collectors.groupingBy(Submission::getItemId));
    Map<Long, LabAssignment> rules = assignments.findByOfferingId(offeringId).stream()
        .collect(Collectors.toMap(LabAssignment::getItemId, a -> a));
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<Long, Standing> standings = new HashMap<>();
    for (long itemId : labItemIds) {
      List<Submission> runs = byItem.getOrDefault(itemId, List.of());
      LabAssignment a = rules.getOrDefault(itemId, LabAssignment.defaults(offeringId, itemId));
      int used = (int) runs.stream().filter(Submission::isCountsAsAttempt).count();
      List<Submission> graded = runs.stream().filter(Submission::isGraded).toList();
      Double best = graded.stream().map(Submission::getScore).max(Comparator.naturalOrder()).orElse(null);
      Double latest = graded.isEmpty() ? null : graded.get(0).getScore();
      Double max = graded.isEmpty() ? null : graded.get(0).getMaxScore();
      String late = a.getDueAt() == null ? "none"
          : LatePolicy.pastHardCutoff(a, now) ? "closed"
          : now.isAfter(a.getDueAt()) ? "late" : "open";
      boolean submittedLate = graded.stream().anyMatch(s -> s.getDaysLate() > 0);
      standings.put(itemId, new Standing(itemId, used, a.getMaxAttempts(), best, latest, max, a.getDueAt(), late,
          submittedLate, runs.isEmpty() ? null : runs.get(0).getId(),
          runs.stream().anyMatch(s -> !s.isFinished())));
    }
    return standings;
  }

  /** All of the student's submissions in the offering, newest first, for the run history. */
  @Transactional(readOnly = true)
  public List<Submission> history(long userId, long offeringId) {
    return submissions.findByUserIdAndOfferingIdOrderBySubmittedAtDesc(userId, offeringId);
  }
}
