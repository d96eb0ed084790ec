package org.ethoslab.app.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.course.Course;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.lesson.ProgressService;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.system.AccessRefusedException;
import org.ethoslab.curriculum.CurriculumException;
import org.ethoslab.curriculum.ItemKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Authoring against the full application and its migrations (H2): a copy of the template is edited and published
 * while a student's completion stays attached to the item; bad edits and bad zips are refused with
 * {@code file:line} problems and change nothing; an export imports into a new offering.
 */
@SpringBootTest
class AuthoringIntegrationTests {

  @Autowired AccountService accounts;
  @Autowired AuthoringService authoring;
  @Autowired CourseTransfer transfer;
  @Autowired CourseRepository courses;
  @Autowired CourseItemRepository items;
  @Autowired OfferingService offerings;
  @Autowired ProgressService progress;
  @Autowired JdbcTemplate jdbc;

  long instructorId;
  long studentId;
  Course copy;

  @BeforeEach
  void copyTheTemplate() {
    instructorId = accounts.register("author-" + UUID.randomUUID() + "@example.org", "Ada Author",
        "a sturdy passphrase 42", Role.INSTRUCTOR).getId();
    studentId = accounts.register("learner-" + UUID.randomUUID() + "@example.org", "Lee Learner",
        "a sturdy passphrase 42", Role.STUDENT).getId();
    Course template = courses.findAllByOrderByTitleAsc().stream().filter(c -> c.getOwnerId() == null).findFirst()
        .orElseThrow();
    copy = transfer.copy(template.getId(), instructorId);
  }

  @Test
  void publishingAnEditKeepsTheItemAndTheStudentsProgress() throws CurriculumException {
    Offering offering = offerings.create(instructorId, copy.getId(), "Edited cohort");
    offerings.join(studentId, offering.getJoinCode());
    long enrollmentId = jdbc.queryForObject("select id from enrollment where offering_id = ? and student_id = ?", Long.class,
        offering.getId(), studentId);
    CourseItem lesson = firstLesson(copy.getId());
    progress.complete(enrollmentId, lesson.getId());

    authoring.saveDraft(copy.getId(), lesson.getId(), instructorId, "A revised lesson",
        "# A revised lesson\n\nNew text with $\\alpha$ and a [link](item:" + lesson.getModule().getSlug() + "/"
            + lesson.getSlug() + ").\n");
    assertThat(items.findById(lesson.getId()).orElseThrow().getTitle()).as("a draft is not live")
        .isEqualTo(lesson.getTitle());
    ItemVersion version = authoring.publish(copy.getId(), lesson.getId(), instructorId);

    CourseItem live = items.findById(lesson.getId()).orElseThrow();
    assertThat(version.getVersion()).isEqualTo(2);
    assertThat(live.getTitle()).isEqualTo("A revised lesson");
    assertThat(live.getBody()).contains("New text");
    assertThat(progress.complete(enrollmentId, lesson.getId())).as("still completed, not completed again").isFalse();
    assertThat(authoring.history(copy.getId(), lesson.getId(), instructorId)).extracting(ItemVersion::getVersion)
        .containsExactly(2, 1);

    authoring.restore(copy.getId(), lesson.getId(), instructorId, 1);
    CourseItem restored = items.findById(lesson.getId()).orElseThrow();
    assertThat(restored.getDraftBody()).isEqualTo(lesson.getBody());
    assertThat(restored.getBody()).contains("New text");
  }

  @Test
  void aBrokenQuizOrLinkIsNotPublished() {
    CourseItem quiz = items.findActiveByCourse(copy.getId()).stream().filter(i -> i.getKind() == ItemKind.QUIZ)
        .findFirst().orElseThrow();
    String yaml = CourseFiles.authoredSource(quiz);
    authoring.saveDraft(copy.getId(), quiz.getId(), instructorId, quiz.getTitle(),
        yaml.replaceFirst("type: single", "type: singel"));
    assertThatThrownBy(() -> authoring.publish(copy.getId(), quiz.getId(), instructorId))
        .isInstanceOfSatisfying(CurriculumException.class, ex -> assertThat(ex.problems()).isNotEmpty()
            .allSatisfy(p -> assertThat(p.toString()).matches("[^:]+/" + quiz.getSlug() + "\\.yaml:[1-9]\\d*: .+")));
    assertThat(items.findById(quiz.getId()).orElseThrow().getBody()).isEqualTo(quiz.getBody());

    CourseItem lesson = firstLesson(copy.getId());
    authoring.saveDraft(copy.getId(), lesson.getId(), instructorId, lesson.getTitle(),
        "# T\n\nSee [nothing](item:no-such-module/nothing).\n");
    assertThatThrownBy(() -> authoring.publish(copy.getId(), lesson.getId(), instructorId))
        .isInstanceOfSatisfying(CurriculumException.class,
            ex -> assertThat(ex.problems().toString()).contains(lesson.getSlug() + ".md:").contains("no-such-module"));
  }

  @Test
  void newItemsAreDraftsUntilPublishedAndCanBeReordered() throws CurriculumException {
    String moduleSlug = firstLesson(copy.getId()).getModule().getSlug();
    CourseItem added = authoring.createItem(copy.getId(), instructorId, moduleSlug, ItemKind.CASE_STUDY,
        "A moderation team's week");
    assertThat(items.findActiveByCourse(copy.getId())).extracting(CourseItem::getId).doesNotContain(added.getId());
    authoring.publish(copy.getId(), added.getId(), instructorId);
    assertThat(items.findActiveByCourse(copy.getId())).extracting(CourseItem::getId).contains(added.getId());

    List<Long> before = idsOfModule(copy.getId(), moduleSlug);
    authoring.move(copy.getId(), added.getId(), instructorId, -1);
    List<Long> after = idsOfModule(copy.getId(), moduleSlug);
    int last = before.size() - 1;
    assertThat(after.get(last - 1)).isEqualTo(added.getId());
    assertThat(after.get(last)).isEqualTo(before.get(last - 1));
  }

  @Test
  void onlyTheOwnerEdits() {
    assertThatThrownBy(() -> authoring.ownedCourse(copy.getId(), studentId)).isInstanceOf(AccessRefusedException.class);
    long templateId = courses.findAllByOrderByTitleAsc().stream().filter(c -> c.getOwnerId() == null).findFirst()
        .orElseThrow().getId();
    assertThatThrownBy(() -> authoring.ownedCourse(templateId, instructorId)).isInstanceOf(AccessRefusedException.class);
  }

  @Test
  void anExportImportsIntoANewOfferingAndABadZipChangesNothing() throws Exception {
    byte[] zip = transfer.export(copy.getId(), instructorId).zip();
    Offering imported = transfer.importZip(zip, instructorId, "Imported cohort");
    long importedCourseId = jdbc.queryForObject("select course_id from offering where id = ?", Long.class,
        imported.getId());
    assertThat(importedCourseId).isNotEqualTo(copy.getId());
    assertThat(items.findActiveByCourse(importedCourseId)).extracting(CourseItem::getSlug)
        .containsExactlyElementsOf(items.findActiveByCourse(copy.getId()).stream().map(CourseItem::getSlug).toList());

    Map<String, Long> before = rowCounts();
    Map<String, byte[]> files = unzip(zip);
    String quizPath = files.keySet().stream().filter(k -> k.contains("quiz") && k.endsWith(".yaml")).findFirst()
        .orElseThrow();
    files.put(quizPath, new String(files.get(quizPath), StandardCharsets.UTF_8)
        .replaceFirst("type: single", "type: singel").getBytes(StandardCharsets.UTF_8));
    String lessonPath = files.keySet().stream().filter(k -> k.endsWith(".md")).findFirst().orElseThrow();
    files.put(lessonPath, (new String(files.get(lessonPath), StandardCharsets.UTF_8)
        + "\nSee [gone](item:no-such-module/gone).\n").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> transfer.importZip(CourseFiles.zip(files), instructorId, "Never"))
        .isInstanceOfSatisfying(CurriculumException.class, ex -> {
          assertThat(ex.problems()).hasSizeGreaterThanOrEqualTo(2);
          assertThat(ex.problems().toString()).contains(quizPath + ":").contains(lessonPath + ":");
        });
    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void aZipNamingALabNoRunnerOffersIsRefusedAtItsFileAndLine() throws Exception {
    Map<String, byte[]> files = unzip(transfer.export(copy.getId(), instructorId).zip());
    String labPath = files.keySet().stream()
        .filter(k -> new String(files.get(k), StandardCharsets.UTF_8).contains("labId: w2s")).findFirst().orElseThrow();
    String lab = new String(files.get(labPath), StandardCharsets.UTF_8);
    int line = lab.substring(0, lab.indexOf("labId: w2s")).split("\n", -1).length;
    files.put(labPath, lab.replace("labId: w2s", "labId: w3s").getBytes(StandardCharsets.UTF_8));
    Map<String, Long> before = rowCounts();

    assertThatThrownBy(() -> transfer.importZip(CourseFiles.zip(files), instructorId, "Never"))
        .isInstanceOfSatisfying(CurriculumException.class, ex -> assertThat(ex.problems())
            .anySatisfy(p -> {
              assertThat(p.file()).isEqualTo(labPath);
              assertThat(p.line()).isEqualTo(line);
              // Other tests may publish labs of their own into a shared database: the three built-in ones are there.
              assertThat(p.message()).startsWith("lab id 'w3s' is unknown; known labs are mergealign, prefopt, ")
                  .contains("w2s");
            }));
    assertThat(rowCounts()).isEqualTo(before);
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("course", "course_module", "module_item", "offering", "item_version")) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        files.put(e.getName(), bytes.toByteArray());
      }
    }
    return files;
  }

  private CourseItem firstLesson(long courseId) {
    return items.findActiveByCourse(courseId).stream().filter(i -> i.getKind() == ItemKind.LESSON).findFirst()
        .orElseThrow();
  }

  private List<Long> idsOfModule(long courseId, String moduleSlug) {
    return jdbc.queryForList("select i.id from module_item i join course_module m on m.id = i.module_id "
        + "where m.course_id = ? and m.slug = ? and i.retired = false order by i.position", Long.class, courseId,
        moduleSlug);
  }
}
