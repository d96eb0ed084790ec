package org.ethoslab.app.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.ethoslab.curriculum.Quiz;
import org.ethoslab.curriculum.Quiz.QuestionType;
import org.junit.jupiter.api.Test;

class QuizGraderTests {

  private static final List<Quiz.Question> QUESTIONS = List.of(
      new Quiz.Question("one", QuestionType.SINGLE, "p", List.of("a", "b", "c"), List.of(1), null, 0, "e", 1),
      new Quiz.Question("many", QuestionType.MULTIPLE, "p", List.of("a", "b", "c"), List.of(0, 2), null, 0, "e", 2),
      new Quiz.Question("num", QuestionType.NUMERIC, "p", List.of(), List.of(), 0.6, 0.01, "e", 2));

  @Test
  void gradesEachQuestionTypeByItsRule() {
    QuizGrader.Grade all = QuizGrader.grade(QUESTIONS,
        Map.of("one", List.of("1"), "many", List.of("2", "0"), "num", List.of("0,605")));
    assertThat(all.score()).isEqualTo(5);
    assertThat(all.maxScore()).isEqualTo(5);

    QuizGrader.Grade partial = QuizGrader.grade(QUESTIONS,
        Map.of("one", List.of("0"), "many", List.of("0"), "num", List.of("0.6")));
    assertThat(partial.results()).extracting(QuizGrader.QuestionResult::correct).containsExactly(false, false, true);
    assertThat(partial.score()).isEqualTo(2);

    QuizGrader.Grade extraOption = QuizGrader.grade(QUESTIONS,
        Map.of("one", List.of("1"), "many", List.of("0", "1", "2"), "num", List.of("0.62")));
    assertThat(extraOption.results()).extracting(QuizGrader.QuestionResult::correct).containsExactly(true, false, false);
  }

  @Test
  void unusableAnswersAreReportedPerQuestion() {
    List<QuizGrader.InputProblem> problems = QuizGrader.check(QUESTIONS,
        Map.of("one", List.of("7"), "many", List.of(), "num", List.of("sixty percent")));
    assertThat(problems).extracting(QuizGrader.InputProblem::questionNumber).containsExactly(1, 2, 3);
    assertThat(problems).extracting(QuizGrader.InputProblem::messageKey)
        .containsExactly("quiz.problem.unknownOption", "quiz.problem.unanswered", "quiz.problem.notANumber");
    assertThat(QuizGrader.check(QUESTIONS, Map.of("one", List.of("0", "1"), "many", List.of("1"),
        "num", List.of("NaN")))).extracting(QuizGrader.InputProblem::questionId).containsExactly("one", "num");
    assertThat(QuizGrader.check(QUESTIONS, Map.of("one", List.of("0"), "many", List.of("1"), "num", List.of("6e-1"))))
        .isEmpty();
  }
}
