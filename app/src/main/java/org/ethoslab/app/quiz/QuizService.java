package org.ethoslab.app.quiz;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ethoslab.app.lesson.ProgressService;
import org.ethoslab.curriculum.Quiz;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Grades a submission, keeps it, and marks the quiz done in the student's progress, in one transaction. */
@Service
public class QuizService {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final QuizAttemptRepository attempts;
  private final ProgressService progress;
  private final Clock clock;

  QuizService(QuizAttemptRepository attempts, ProgressService progress, Clock clock) {
    this.attempts = attempts;
    this.progress = progress;
    this.clock = clock;
  }

  /** Grades and stores answers that passed {@link QuizGrader#check}. */
  @Transactional
  public QuizGrader.Grade submit(long enrollmentId, long itemId, List<Quiz.Question> questions,
                                 Map<String, List<String>> answers) {
    QuizGrader.Grade grade = QuizGrader.grade(questions, answers);
    attempts.save(new QuizAttempt(enrollmentId, itemId, grade.score(), grade.maxScore(),
        JSON.writeValueAsString(answers), OffsetDateTime.now(clock)));
    progress.complete(enrollmentId, itemId);
    return grade;
  }

  /** The latest attempt and its answers, when the student has submitted this quiz before. */
  @Transactional(readOnly = true)
  public Optional<LatestAttempt> latest(long enrollmentId, long itemId) {
    return attempts.findFirstByEnrollmentIdAndItemIdOrderBySubmittedAtDescIdDesc(enrollmentId, itemId)
        .map(a -> new LatestAttempt(a, JSON.readValue(a.getAnswers(), new TypeReference<Map<String, List<String>>>() { }),
            attempts.countByEnrollmentIdAndItemId(enrollmentId, itemId)));
  }

  /**
   * Each enrolled student's best score on each quiz of the offering they attempted, for the gradebook. Quizzes a
   * student never submitted have no row.
   */
  @Transactional(readOnly = true)
  public List<QuizScore> bestScores(long offeringId) {
    return attempts.bestScores(offeringId);
  }

  /** A previous attempt with its decoded answers and how many attempts there were in all. */
  public record LatestAttempt(QuizAttempt attempt, Map<String, List<String>> answers, long attemptCount) {
  }
}
