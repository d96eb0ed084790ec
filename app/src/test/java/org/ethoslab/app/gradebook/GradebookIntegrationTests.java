package org.ethoslab.app.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.account.UserAccount;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.grading.GradingFixture;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.submission.Submission;
import org.ethoslab.app.submission.SubmissionRepository;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The gradebook end to end on H2: what it counts, the CSV export, and overrides with their audit trail. */
@SpringBootTest
@AutoConfigureMockMvc
class GradebookIntegrationTests {

  @Autowired
  MockMvc mvc;

  @Autowired
  AccountService accounts;

  @Autowired
  OfferingService offerings;

  @Autowired
  CourseRepository courses;

  @Autowired
  CourseItemRepository items;

  @Autowired
  SubmissionRepository submissions;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  UserDetailsService users;

  private GradingFixture fixture;
  private UserAccount teacher;
  private UserAccount student;
  private Offering offering;
  private CourseItem lab;

  @BeforeEach
  void setUp() {
    fixture = new GradingFixture(accounts, offerings, courses, items, submissions, jdbc);
    teacher = fixture.account(Role.INSTRUCTOR);
    student = fixture.account(Role.STUDENT, "=HYPERLINK(\"http://evil\",\"Ada, \"\"the\"\" student\")");
    offering = fixture.offering(teacher);
    fixture.enroll(student, offering);
    lab = fixture.firstLab();
  }

  private RequestPostProcessor as(UserAccount account) {
    return user(users.loadUserByUsername(account.getEmail()));
  }

  private Submission graded(double score, int daysLate) {
    return fixture.graded(student, offering, lab, OffsetDateTime.now(ZoneOffset.UTC), daysLate, score, null);
  }

  @Test
  void gradebookShowsTheCountingScoreWithLateFlagAndLinksToTheSubmission() throws Exception {
    Submission s = graded(64.8, 1);
    mvc.perform(get("/teach/offerings/{o}/gradebook", offering.getId()).with(as(teacher)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("64.8 / 100")))
        .andExpect(content().string(Matchers.containsString(">late<")))
        .andExpect(content().string(Matchers.containsString(
            "/teach/offerings/" + offering.getId() + "/submissions/" + s.getId())));
    mvc.perform(get("/teach/offerings/{o}/submissions/{s}", offering.getId(), s.getId()).with(as(teacher)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("median PGR 0.52 &gt;= 0.20")))
        .andExpect(content().string(Matchers.containsString("public class SoftVote {}")))
        .andExpect(content().string(Matchers.containsString("acc_w2s")));
  }

  @Test
  void overrideIsAuditedWithWhoWhenOldNewAndWhyAndLeavesTheLabGradeAlone() throws Exception {
    Submission s = graded(72, 0);
    mvc.perform(post("/teach/offerings/{o}/submissions/{s}/override", offering.getId(), s.getId())
            .param("score", "90").param("reason", "Runner fault on seed 3; checked by hand").with(csrf())
            .with(as(teacher)))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/teach/offerings/" + offering.getId() + "/submissions/" + s.getId()));
    mvc.perform(post("/teach/offerings/{o}/submissions/{s}/override", offering.getId(), s.getId())
            .param("score", "85").param("reason", "Second look").with(csrf()).with(as(teacher)))
        .andExpect(status().is3xxRedirection());

    List<Map<String, Object>> audit = jdbc.queryForList("select old_score, new_score, reason, overridden_by, "
        + "overridden_at from grade_override where submission_id = ? order by id", s.getId());
    assertThat(audit).hasSize(2);
    assertThat(((Number) audit.get(0).get("old_score")).doubleValue()).isEqualTo(72.0);
    assertThat(((Number) audit.get(0).get("new_score")).doubleValue()).isEqualTo(90.0);
    assertThat(audit.get(0).get("reason")).isEqualTo("Runner fault on seed 3; checked by hand");
    assertThat(((Number) audit.get(0).get("overridden_by")).longValue()).isEqualTo(teacher.getId());
    assertThat(audit.get(0).get("overridden_at")).isNotNull();
    assertThat(((Number) audit.get(1).get("old_score")).doubleValue()).isEqualTo(90.0);
    assertThat(((Number) audit.get(1).get("new_score")).doubleValue()).isEqualTo(85.0);
    assertThat(submissions.findById(s.getId()).orElseThrow().getScore()).isEqualTo(72.0);

    mvc.perform(get("/teach/offerings/{o}/gradebook", offering.getId()).with(as(teacher)))
        .andExpect(content().string(Matchers.containsString("85.0 / 100")))
        .andExpect(content().string(Matchers.containsString(">overridden<")));
    mvc.perform(get("/teach/offerings/{o}/submissions/{s}", offering.getId(), s.getId()).with(as(teacher)))
        .andExpect(content().string(Matchers.containsString("changed the score from 90.00 to 85.00: Second look")));
  }

  @Test
  void badOverridesAreRefusedNextToTheFieldAndChangeNothing() throws Exception {
    Submission s = graded(72, 0);
    mvc.perform(post("/teach/offerings/{o}/submissions/{s}/override", offering.getId(), s.getId())
            .param("score", "101").param("reason", "too generous").with(csrf()).with(as(teacher)))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrors("overrideForm", "score"))
        .andExpect(content().string(Matchers.containsString("The score can be at most 100.")));
    mvc.perform(post("/teach/offerings/{o}/submissions/{s}/override", offering.getId(), s.getId())
            .param("score", "50").param("reason", "  ").with(csrf()).with(as(teacher)))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrors("overrideForm", "reason"));
    mvc.perform(post("/teach/offerings/{o}/submissions/{s}/override", offering.getId(), s.getId())
            .param("score", "50").param("reason", "a student may not").with(csrf()).with(as(student)))
        .andExpect(status().isForbidden());
    assertThat(jdbc.queryForObject("select count(*) from grade_override where submission_id = ?", Long.class,
        s.getId())).isZero();
  }

  @Test
  void csvExportQuotesFieldsAndDisarmsFormulas() throws Exception {
    graded(64.8, 1);
    byte[] body = mvc.perform(get("/teach/offerings/{o}/gradebook.csv", offering.getId()).with(as(teacher)))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", Matchers.startsWith("text/csv")))
        .andExpect(header().string("Content-Disposition", Matchers.containsString("attachment")))
        .andReturn().getResponse().getContentAsByteArray();
    String[] lines = new String(body, StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines[0]).startsWith("Student,Email,").contains(lab.getTitle() + " score");
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).startsWith("\"'=HYPERLINK(\"\"http://evil\"\",\"\"Ada, \"\"\"\"the\"\"\"\" student\"\")\","
        + student.getEmail() + ",");
    assertThat(lines[1]).contains(",64.80,100,1,late");
  }

  @Test
  void anotherInstructorCannotOpenTheGradebookOrItsSubmissions() throws Exception {
    Submission s = graded(72, 0);
    UserAccount other = fixture.account(Role.INSTRUCTOR);
    Offering otherOffering = fixture.offering(other);
    mvc.perform(get("/teach/offerings/{o}/gradebook", offering.getId()).with(as(other)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/teach/offerings/{o}/gradebook.csv", offering.getId()).with(as(other)))
        .andExpect(status().isForbidden());
    // Through the other instructor's own offering the submission does not exist.
    mvc.perform(get("/teach/offerings/{o}/submissions/{s}", otherOffering.getId(), s.getId()).with(as(other)))
        .andExpect(status().isNotFound());
  }
  @Test
  void analyticsShowScoreBinsVerdictsAndQueueTimes() throws Exception {
    graded(64.8, 1);
    graded(90, 0);
    mvc.perform(get("/teach/offerings/{o}/labs/{i}/analytics", offering.getId(), lab.getId()).with(as(teacher)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("2 graded submissions")))
        .andExpect(content().string(Matchers.containsString("60–70")))
        .andExpect(content().string(Matchers.containsString("Graded")))
        .andExpect(content().string(Matchers.containsString("data-chart=")))
        .andExpect(content().string(Matchers.containsString("/js/lab-analytics.js")));
  }
  @Test
  void quizzesCountTheBestAttempt() throws Exception {
    CourseItem quiz = items.findActiveByCourse(courses.findBySlug("ai-ethics").orElseThrow().getId()).stream()
        .filter(i -> i.getKind() == org.ethoslab.curriculum.ItemKind.QUIZ).findFirst().orElseThrow();
    long enrollment = jdbc.queryForObject("select id from enrollment where offering_id = ? and student_id = ?",
        Long.class, offering.getId(), student.getId());
    for (int score : new int[] {4, 3}) {
      jdbc.update("insert into quiz_attempt (enrollment_id, item_id, score, max_score, answers, submitted_at) "
          + "values (?, ?, ?, 5, '{}', current_timestamp)", enrollment, quiz.getId(), score);
    }
    mvc.perform(get("/teach/offerings/{o}/gradebook", offering.getId()).with(as(teacher)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("4.0 / 5")))
        .andExpect(content().string(Matchers.containsString("2 attempts")));
  }
}
