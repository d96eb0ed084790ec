package org.ethoslab.app.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.course.ItemBodies;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.curriculum.ItemKind;
import org.ethoslab.curriculum.Quiz;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The gradebook's query: each student's best quiz score over several attempts, per quiz of an offering. */
@SpringBootTest
class QuizBestScoresIntegrationTests {

  @Autowired AccountService accounts;
  @Autowired CourseRepository courses;
  @Autowired CourseItemRepository items;
  @Autowired OfferingService offerings;
  @Autowired QuizService quizzes;
  @Autowired JdbcTemplate jdbc;

  @Test
  void bestOfSeveralAttempts() {
    long teacher = accounts.register("t-" + UUID.randomUUID() + "@example.org", "T", "a sturdy passphrase 42",
        Role.INSTRUCTOR).getId();
    long student = accounts.register("s-" + UUID.randomUUID() + "@example.org", "S", "a sturdy passphrase 42",
        Role.STUDENT).getId();
    long courseId = courses.findAllByOrderByTitleAsc().get(0).getId();
    Offering offering = offerings.create(teacher, courseId, "Scores");
    offerings.join(student, offering.getJoinCode());
    long enrollment = jdbc.queryForObject("select id from enrollment where offering_id = ?", Long.class,
        offering.getId());
    CourseItem quiz = items.findActiveByCourse(courseId).stream().filter(i -> i.getKind() == ItemKind.QUIZ)
        .findFirst().orElseThrow();
    List<Quiz.Question> questions = ItemBodies.quizQuestions(quiz);
    Quiz.Question first = questions.get(0);
    Map<String, List<String>> allWrong = Map.of();
    Map<String, List<String>> firstRight = Map.of(first.id(), first.type() == Quiz.QuestionType.NUMERIC
        ? List.of(String.valueOf(first.answer()))
        : first.correct().stream().map(String::valueOf).toList());

    quizzes.submit(enrollment, quiz.getId(), questions, firstRight);
    quizzes.submit(enrollment, quiz.getId(), questions, allWrong);

    int max = questions.stream().mapToInt(Quiz.Question::points).sum();
    assertThat(quizzes.bestScores(offering.getId()))
        .containsExactly(new QuizScore(enrollment, quiz.getId(), first.points(), max, 2));
  }
}
