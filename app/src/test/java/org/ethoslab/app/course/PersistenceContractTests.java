package org.ethoslab.app.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.account.UserAccount;
import org.ethoslab.app.account.UserAccountRepository;
import org.ethoslab.app.lesson.CourseProgress;
import org.ethoslab.app.lesson.ProgressService;
import org.ethoslab.app.offering.Enrollment;
import org.ethoslab.app.offering.EnrollmentRepository;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.offering.OfferingService.JoinOutcome;
import org.ethoslab.curriculum.CourseModule;
import org.ethoslab.curriculum.ItemKind;
import org.ethoslab.curriculum.LabItem;
import org.ethoslab.curriculum.Lesson;
import org.ethoslab.curriculum.Quiz;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migrations, repositories and the curriculum import against a real database. Run once per database by the
 * subclasses ({@link H2PersistenceIntegrationTests}, {@link PostgresPersistenceIntegrationTests}) so the same
 * migrations and queries are proven on both.
 */
abstract class PersistenceContractTests {

  @Autowired
  Flyway flyway;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  CurriculumImporter importer;

  @Autowired
  CourseRepository courses;

  @Autowired
  AccountService accountService;

  @Autowired
  UserAccountRepository accounts;

  @Autowired
  OfferingService offerings;

  @Autowired
  EnrollmentRepository enrollments;

  @Autowired
  ProgressService progress;

  @Test
  void allMigrationsAreAppliedAndTheBuiltInCourseIsImported() {
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(flyway.info().applied()).extracting(m -> m.getVersion().getVersion()).contains("1", "2", "3", "4");
    assertThat(jdbc.queryForObject("select count(*) from course", Long.class)).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from module_item where kind = 'LESSON'", Long.class)).isPositive();
  }

  @Test
  void emailsAreUniqueIgnoringCase() {
    String email = "unique-" + UUID.randomUUID() + "@example.org";
    accountService.register(email, "First", "long enough password", Role.STUDENT);
    assertThat(accountService.emailTaken(email.toUpperCase())).isTrue();
    assertThat(accounts.findByEmail(email)).get().extracting(UserAccount::getRole).isEqualTo(Role.STUDENT);
    assertThatThrownBy(() -> accountService.register(email.toUpperCase(), "Second", "long enough password",
        Role.STUDENT)).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void importIsIdempotentAndUpdatesInPlaceKeepingWhatStudentsDid() {
    String slug = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    importer.importCourses(List.of(course(slug, "1", "First text", true)));
    CourseItem intro = item(slug, "intro");

    // A student completes the intro lesson.
    UserAccount teacher = accountService.register("t-" + slug + "@example.org", "T", "long enough password",
        Role.INSTRUCTOR);
    UserAccount student = accountService.register("s-" + slug + "@example.org", "S", "long enough password",
        Role.STUDENT);
    Offering offering = offerings.create(teacher.getId(), courses.findBySlug(slug).orElseThrow().getId(), "Run 1");
    assertThat(offerings.join(student.getId(), offering.getJoinCode().toLowerCase()).outcome())
        .isEqualTo(JoinOutcome.JOINED);
    Enrollment enrollment = enrollments.findByOfferingIdAndStudentId(offering.getId(), student.getId()).orElseThrow();
    assertThat(progress.complete(enrollment.getId(), intro.getId())).isTrue();
    assertThat(progress.complete(enrollment.getId(), intro.getId())).isFalse();

    // Same files again: nothing changes.
    CurriculumImporter.ImportSummary again = importer.importCourses(List.of(course(slug, "1", "First text", true)));
    assertThat(again).isEqualTo(new CurriculumImporter.ImportSummary(0, 0, 0, 0));

    // Version 2: the intro text changes, the "extra" lesson is gone.
    CurriculumImporter.ImportSummary v2 = importer.importCourses(List.of(course(slug, "2", "Better text", false)));
    assertThat(v2.coursesUpdated()).isEqualTo(1);
    assertThat(v2.itemsChanged()).isEqualTo(1);
    assertThat(v2.itemsRetired()).isEqualTo(1);
    CourseItem updated = item(slug, "intro");
    assertThat(updated.getId()).isEqualTo(intro.getId());
    assertThat(updated.getBody()).isEqualTo("Better text");
    assertThat(item(slug, "extra").isRetired()).isTrue();

    CourseProgress after = progress.progress(courses.findBySlug(slug).orElseThrow().getId(),
        Optional.of(enrollment.getId()));
    assertThat(after.completed()).isEqualTo(1);
    assertThat(after.items()).extracting(CourseItem::getSlug).containsExactly("intro", "quiz", "lab");
    assertThat(progress.roster(offering.getId(), courses.findBySlug(slug).orElseThrow().getId()))
        .singleElement().satisfies(sp -> {
          assertThat(sp.completed()).isEqualTo(1);
          assertThat(sp.total()).isEqualTo(2);
        });
  }

  @Test
  void joiningTwiceOrWithAWrongCodeChangesNothing() {
    String slug = "join-" + UUID.randomUUID().toString().substring(0, 8);
    importer.importCourses(List.of(course(slug, "1", "Text", false)));
    UserAccount teacher = accountService.register("t-" + slug + "@example.org", "T", "long enough password",
        Role.INSTRUCTOR);
    UserAccount student = accountService.register("s-" + slug + "@example.org", "S", "long enough password",
        Role.STUDENT);
    Offering offering = offerings.create(teacher.getId(), courses.findBySlug(slug).orElseThrow().getId(), "Run");
    long before = enrollments.count();
    assertThat(offerings.join(student.getId(), "ZZZZ-ZZZZ").outcome()).isEqualTo(JoinOutcome.UNKNOWN_CODE);
    assertThat(enrollments.count()).isEqualTo(before);
    assertThat(offerings.join(student.getId(), offering.getDisplayJoinCode()).outcome())
        .isEqualTo(JoinOutcome.JOINED);
    assertThat(offerings.join(student.getId(), offering.getJoinCode()).outcome())
        .isEqualTo(JoinOutcome.ALREADY_ENROLLED);
    assertThat(enrollments.count()).isEqualTo(before + 1);
    assertThat(enrollments.findByStudent(student.getId())).hasSize(1);
  }

  @Test
  void quizAndLabItemsKeepTheirDefinition() {
    String slug = "items-" + UUID.randomUUID().toString().substring(0, 8);
    importer.importCourses(List.of(course(slug, "1", "Text", false)));
    List<Quiz.Question> questions = ItemBodies.quizQuestions(item(slug, "quiz"));
    assertThat(questions).singleElement().satisfies(q -> {
      assertThat(q.type()).isEqualTo(Quiz.QuestionType.SINGLE);
      assertThat(q.options()).containsExactly("0.5", "2");
      assertThat(q.correct()).containsExactly(0);
    });
    ItemBodies.LabBody lab = ItemBodies.lab(item(slug, "lab"));
    assertThat(lab.labId()).isEqualTo("w2s");
    assertThat(lab.defaults()).containsEntry("seeds", 5);
  }

  private CourseItem item(String courseSlug, String itemSlug) {
    Long courseId = courses.findBySlug(courseSlug).orElseThrow().getId();
    return jdbcItemIds(courseId, itemSlug);
  }

  private CourseItem jdbcItemIds(long courseId, String itemSlug) {
    Long id = jdbc.queryForObject("select i.id from module_item i join course_module m on i.module_id = m.id "
        + "where m.course_id = ? and i.slug = ?", Long.class, courseId, itemSlug);
    return itemRepository.findById(id).orElseThrow();
  }

  @Autowired
  CourseItemRepository itemRepository;

  private static org.ethoslab.curriculum.Course course(String slug, String version, String introText,
                                                       boolean withExtra) {
    List<org.ethoslab.curriculum.ModuleItem> items = new java.util.ArrayList<>();
    items.add(new Lesson("intro", "Introduction", 1, ItemKind.LESSON, introText, 5, hash(introText), "m/intro.md"));
    if (withExtra) {
      items.add(new Lesson("extra", "Extra", 2, ItemKind.CASE_STUDY, "Extra text", 3, hash("Extra"), "m/extra.md"));
    }
    items.add(new Quiz("quiz", "Check", 3, List.of(new Quiz.Question("q1", Quiz.QuestionType.SINGLE,
        "PGR when the student matches the ceiling?", List.of("0.5", "2"), List.of(0), null, 0, "Because.", 1)),
        hash("quiz"), "m/quiz.yaml"));
    items.add(new LabItem("lab", "Run it", 4, "w2s", "Train the **student**.", Map.of("seeds", 5), hash("lab"),
        "m/lab.yaml"));
    return new org.ethoslab.curriculum.Course(slug, version, "Course " + slug, "Summary",
        List.of(new CourseModule("m", 1, "Module", "Module summary", List.of("Objective one"), items)));
  }

  private static String hash(String text) {
    return Integer.toHexString(text.hashCode());
  }
}
