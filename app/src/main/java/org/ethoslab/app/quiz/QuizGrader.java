package org.ethoslab.app.quiz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ethoslab.curriculum.Quiz;

/**
 * Grades quiz answers against the stored questions. Pure: no database, no web, so every rule is unit-tested.
 * SINGLE is right when exactly the correct option is chosen; MULTIPLE when the chosen set equals the correct set (no
 * partial credit: choosing a wrong option or missing a right one both lose the point); NUMERIC when the number is
 * within the question's tolerance of the answer. Answers arrive as text, keyed by question id; options are 0-based.
 */
public final class QuizGrader {

  private QuizGrader() {
  }

  /** The outcome of one question. */
  public record QuestionResult(String questionId, boolean correct, int points, int maxPoints, List<String> given) {
  }

  /** The outcome of a whole submission. */
  public record Grade(List<QuestionResult> results) {

    public int score() {
      return results.stream().mapToInt(QuestionResult::points).sum();
    }

    public int maxScore() {
      return results.stream().mapToInt(QuestionResult::maxPoints).sum();
    }
  }

  /** A problem with what was submitted (unanswered question, not a number, unknown option): nothing is graded. */
  public record InputProblem(String questionId, int questionNumber, String messageKey) {
  }

  /** Checks that every question has a usable answer; returns each problem found, empty when all are fine. */
  public static List<InputProblem> check(List<Quiz.Question> questions, Map<String, List<String>> answers) {
    List<InputProblem> problems = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      Quiz.Question q = questions.get(i);
      List<String> given = answers.getOrDefault(q.id(), List.of()).stream()
          .map(String::strip).filter(s -> !s.isEmpty()).toList();
      if (given.isEmpty()) {
        problems.add(new InputProblem(q.id(), i + 1, "quiz.problem.unanswered"));
      }
      else if (q.type() == Quiz.QuestionType.NUMERIC) {
        if (given.size() != 1 || parseNumber(given.get(0)).isEmpty()) {
          problems.add(new InputProblem(q.id(), i + 1, "quiz.problem.notANumber"));
        }
      }
      else if (given.stream().anyMatch(g -> optionIndex(g, q.options().size()).isEmpty())
          || (q.type() == Quiz.QuestionType.SINGLE && given.size() != 1)) {
        problems.add(new InputProblem(q.id(), i + 1, "quiz.problem.unknownOption"));
      }
    }
    return problems;
  }

  /** Grades answers that passed {@link #check}. */
  public static Grade grade(List<Quiz.Question> questions, Map<String, List<String>> answers) {
    List<QuestionResult> results = new ArrayList<>();
    for (Quiz.Question q : questions) {
      List<String> given = answers.getOrDefault(q.id(), List.of()).stream()
          .map(String::strip).filter(s -> !s.isEmpty()).toList();
      boolean correct = switch (q.type()) {
        case SINGLE, MULTIPLE -> chosen(given, q.options().size()).equals(new HashSet<>(q.correct()));
        case NUMERIC -> given.size() == 1 && parseNumber(given.get(0))
            .map(x -> Math.abs(x - q.answer()) <= q.tolerance() + 1e-12).orElse(false);
      };
      results.add(new QuestionResult(q.id(), correct, correct ? q.points() : 0, q.points(), given));
    }
    return new Grade(List.copyOf(results));
  }

  /** Accepts "0.6", "0,6", ".6", "6e-1"; rejects anything else, including NaN and infinities. */
  static Optional<Double> parseNumber(String text) {
    try {
      double value = new BigDecimal(text.strip().replace(',', '.')).doubleValue();
      return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    }
    catch (NumberFormatException ex) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> optionIndex(String text, int optionCount) {
    try {
      int index = Integer.parseInt(text.strip());
      return index >= 0 && index < optionCount ? Optional.of(index) : Optional.empty();
    }
    catch (NumberFormatException ex) {
      return Optional.empty();
    }
  }

  private static Set<Integer> chosen(List<String> given, int optionCount) {
    Set<Integer> indexes = new HashSet<>();
    given.forEach(g -> optionIndex(g, optionCount).ifPresent(indexes::add));
    return indexes;
  }
}
