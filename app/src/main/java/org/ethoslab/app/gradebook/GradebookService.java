package org.ethoslab.app.gradebook;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.grading.GradeOverrideService;
import org.ethoslab.app.grading.LabAssignment;
import org.ethoslab.app.grading.LabAssignmentRepository;
import org.ethoslab.app.grading.ScorePolicy;
import org.ethoslab.app.offering.Enrollment;
import org.ethoslab.app.offering.EnrollmentRepository;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.quiz.QuizAttemptRepository;
import org.ethoslab.app.quiz.QuizScore;
import org.ethoslab.app.submission.Submission;
import org.ethoslab.app.submission.SubmissionRepository;
import org.ethoslab.curriculum.ItemKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the gradebook. For a lab, the counting submission follows the assignment's {@link ScorePolicy} over graded
 * submissions, each scored by its effective score (an override, else the late-penalised grade). For a quiz, the
 * best attempt counts.
 */
@Service
class GradebookService {

  private final EnrollmentRepository enrollments;
  private final CourseItemRepository items;
  private final SubmissionRepository submissions;
  private final QuizAttemptRepository quizAttempts;
  private final LabAssignmentRepository assignments;
  private final GradeOverrideService overrides;

  GradebookService(EnrollmentRepository enrollments, CourseItemRepository items, SubmissionRepository submissions,
                   QuizAttemptRepository quizAttempts, LabAssignmentRepository assignments,
                   GradeOverrideService overrides) {
    this.enrollments = enrollments;
    this.items = items;
    this.submissions = submissions;
    this.quizAttempts = quizAttempts;
    this.assignments = assignments;
    this.overrides = overrides;
  }

  @Transactional(readOnly = true)
  Gradebook build(Offering offering) {
    List<CourseItem> graded = items.findActiveByCourse(offering.getCourse().getId()).stream()
        .filter(i -> i.getKind() == ItemKind.LAB || i.getKind() == ItemKind.QUIZ)
        .toList();
    Map<Long, Map<Long, List<Submission>>> byStudentAndItem = submissions
        .findByOfferingIdOrderBySubmittedAtAsc(offering.getId()).stream()
        .collect(Collectors.groupingBy(Submission::getUserId, Collectors.groupingBy(Submission::getItemId)));
    Map<String, QuizScore> quizScores = new HashMap<>();
    for (QuizScore q : quizAttempts.bestScores(offering.getId())) {
      quizScores.put(q.enrollmentId() + ":" + q.itemId(), q);
    }
    Map<Long, ScorePolicy> policies = new HashMap<>();
    for (LabAssignment a : assignments.findByOfferingId(offering.getId())) {
      policies.put(a.getItemId(), a.getScorePolicy());
    }
    List<Gradebook.Row> rows = enrollments.findByOfferingWithStudents(offering.getId()).stream()
        .map(e -> row(e, graded, byStudentAndItem.getOrDefault(e.getStudent().getId(), Map.of()), policies,
            quizScores))
        .toList();
    return new Gradebook(offering, graded, rows);
  }

  private Gradebook.Row row(Enrollment enrollment, List<CourseItem> graded, Map<Long, List<Submission>> byItem,
                            Map<Long, ScorePolicy> policies, Map<String, QuizScore> quizScores) {
    Map<Long, Gradebook.Cell> cells = new HashMap<>();
    for (CourseItem item : graded) {
      Gradebook.Cell cell = item.getKind() == ItemKind.QUIZ
          ? quizCell(quizScores.get(enrollment.getId() + ":" + item.getId()))
          : labCell(byItem.getOrDefault(item.getId(), List.of()), policies.getOrDefault(item.getId(),
              ScorePolicy.BEST));
      cells.put(item.getId(), cell);
    }
    return new Gradebook.Row(enrollment.getStudent(), cells);
  }

  private static Gradebook.Cell quizCell(QuizScore q) {
    return q == null ? Gradebook.Cell.EMPTY
        : new Gradebook.Cell((double) q.bestScore(), (double) q.maxScore(), (int) q.attempts(), false, false, null,
            null);
  }

  /** {@code history} is in submission order, oldest first. */
  private Gradebook.Cell labCell(List<Submission> history, ScorePolicy policy) {
    if (history.isEmpty()) {
      return Gradebook.Cell.EMPTY;
    }
    int attempts = (int) history.stream().filter(Submission::isCountsAsAttempt).count();
    Long latestId = history.get(history.size() - 1).getId();
    record Scored(Submission submission, double score, boolean overridden) {
    }
    List<Scored> scored = history.stream()
        .filter(s -> s.isGraded() || overrides.latest(s.getId()).isPresent())
        .map(s -> {
          var override = overrides.latest(s.getId());
          return new Scored(s, override.map(o -> o.getNewScore()).orElse(s.getScore()), override.isPresent());
        })
        .toList();
    if (scored.isEmpty()) {
      return new Gradebook.Cell(null, null, attempts, false, false, null, latestId);
    }
    Scored counting = policy == ScorePolicy.LATEST
        ? scored.get(scored.size() - 1)
        : scored.stream().max(Comparator.comparingDouble(Scored::score)).orElseThrow();
    Submission s = counting.submission();
    return new Gradebook.Cell(counting.score(), s.getMaxScore(), attempts, s.getDaysLate() > 0,
        counting.overridden(), s.getId(), latestId);
  }
}
