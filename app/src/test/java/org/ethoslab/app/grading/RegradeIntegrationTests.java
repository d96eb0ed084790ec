package org.ethoslab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.account.UserAccount;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.queue.JobLeases;
import org.ethoslab.app.queue.JobSubmission;
import org.ethoslab.app.queue.LabJob;
import org.ethoslab.app.queue.LabJobService;
import org.ethoslab.app.queue.QueueFixture;
import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.ethoslab.app.submission.Submission;
import org.ethoslab.app.submission.SubmissionRepository;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Regrades on H2 with the real queue: a late-policy change rescores at once; a rubric change re-runs the submission's
 * own job input at regrade priority, which a runner takes only after a student's job queued later, and the re-run's
 * evaluation then replaces the grade.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RegradeIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();

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
  LabJobService jobs;

  @Autowired
  JobLeases leases;

  @Autowired
  RunnerRegistry runners;

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
    student = fixture.account(Role.STUDENT);
    offering = fixture.offering(teacher);
    fixture.enroll(student, offering);
    lab = fixture.firstLab();
  }

  private MockHttpServletRequestBuilder settings(String... params) {
    MockHttpServletRequestBuilder post = post("/teach/offerings/{o}/labs/{i}/settings", offering.getId(),
        lab.getId()).with(csrf()).with(user(users.loadUserByUsername(teacher.getEmail())))
        .param("scorePolicy", "BEST").param("computeTier", "cpu-small").param("hiddenChecks", "ALWAYS")
        .param("cooldownSeconds", "0").param("maxAttempts", "5").param("_editable", "on").param("regrade", "true");
    for (int i = 0; i < params.length; i += 2) {
      post.param(params[i], params[i + 1]);
    }
    return post;
  }

  @Test
  void lateRuleChangeRescoresFromTheRawScoreAndKeepsTheOldScore() throws Exception {
    OffsetDateTime submitted = OffsetDateTime.of(2026, 1, 10, 12, 0, 0, 0, ZoneOffset.UTC);
    Submission s = fixture.graded(student, offering, lab, submitted, 0, 72, null);
    // Due 25 hours before the submission: two started days late, 20 % per day.
    mvc.perform(settings("dueAt", "2026-01-09T11:00", "latePenaltyPercentPerDay", "20"))
        .andExpect(status().is3xxRedirection());
    Submission after = submissions.findById(s.getId()).orElseThrow();
    assertThat(after.getDaysLate()).isEqualTo(2);
    assertThat(after.getScore()).isEqualTo(72 * 0.6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(after.getRawScore()).isEqualTo(72.0);
    Map<String, Object> regrade = jdbc.queryForMap("select kind, old_score, new_score, job_id, requested_by "
        + "from lab_regrade where submission_id = ?", s.getId());
    assertThat(regrade.get("kind")).isEqualTo("LATE_POLICY");
    assertThat(((Number) regrade.get("old_score")).doubleValue()).isEqualTo(72.0);
    assertThat(((Number) regrade.get("new_score")).doubleValue()).isEqualTo(43.2,
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(regrade.get("job_id")).isNull();
    assertThat(((Number) regrade.get("requested_by")).longValue()).isEqualTo(teacher.getId());
  }

  @Test
  void rubricChangeRerunsAtRegradePriorityBehindStudentsAndTheRerunGrades() throws Exception {
    ObjectNode input = JSON.createObjectNode().put("lab", "w2s").put("labVersion", "2").put("seed", 42);
    input.putObject("params").put("numSeeds", 3);
    input.putObject("hooks").put("SoftVote", "public class SoftVote {}");
    input.putObject("hidden").put("evalSeed", 987654);
    LabJob original = jobs.submit(new JobSubmission("w2s", "2", input, student.getId(), offering.getId(),
        JobSubmission.CPU_SMALL, LabJob.PRIORITY_NORMAL));
    jobs.cancel(original.getId());
    Submission s = fixture.graded(student, offering, lab, OffsetDateTime.now(ZoneOffset.UTC), 0, 72,
        original.getId());

    mvc.perform(settings("thresholds[pgr-positive]", "0.3")).andExpect(status().is3xxRedirection());

    long regradeJobId = jdbc.queryForObject("select job_id from lab_regrade where submission_id = ? and kind = "
        + "'RUBRIC'", Long.class, s.getId());
    LabJob regradeJob = jobs.find(regradeJobId);
    assertThat(regradeJob.getPriority()).isEqualTo(LabJob.PRIORITY_REGRADE);
    JsonNode rerunInput = JSON.readTree(regradeJob.getInput());
    assertThat(rerunInput.path("rubric").toString()).isEqualTo("{\"pgr-positive\":{\"threshold\":0.3}}");
    assertThat(rerunInput.path("seed").asLong()).isEqualTo(42);
    assertThat(rerunInput.path("hidden").path("evalSeed").asLong()).isEqualTo(987654);
    assertThat(rerunInput.path("hooks").path("SoftVote").asText()).isEqualTo("public class SoftVote {}");

    // A classmate submits after the regrade was queued; a runner still takes the classmate's job first.
    UserAccount classmate = fixture.account(Role.STUDENT);
    fixture.enroll(classmate, offering);
    LabJob live = jobs.submit(new JobSubmission("w2s", "2", input, classmate.getId(), offering.getId(),
        JobSubmission.CPU_SMALL, LabJob.PRIORITY_NORMAL));
    long runner = runners.register("regrade-test-" + System.nanoTime()).runnerId();
    assertThat(leases.claim(runner, QueueFixture.CPU_RUNNER, true, Duration.ZERO).orElseThrow().getId())
        .isEqualTo(live.getId());
    assertThat(leases.claim(runner, QueueFixture.CPU_RUNNER, true, Duration.ZERO).orElseThrow().getId())
        .isEqualTo(regradeJobId);

    JsonNode evaluation = JSON.readTree(GradingFixture.EVALUATION.replace("\"score\":72", "\"score\":100")
        .replace("\"earned\":22", "\"earned\":50"));
    leases.complete(regradeJobId, runner, new CompleteRequest(Outcome.SUCCEEDED, "Graded.", evaluation, 0));

    Submission after = submissions.findById(s.getId()).orElseThrow();
    assertThat(after.getRawScore()).isEqualTo(100.0);
    assertThat(after.getScore()).isEqualTo(100.0);
    assertThat(after.getEvaluation()).contains("\"score\":100");
    Map<String, Object> regrade = jdbc.queryForMap("select old_score, new_score, outcome, finished_at "
        + "from lab_regrade where job_id = ?", regradeJobId);
    assertThat(((Number) regrade.get("old_score")).doubleValue()).isEqualTo(72.0);
    assertThat(((Number) regrade.get("new_score")).doubleValue()).isEqualTo(100.0);
    assertThat(regrade.get("outcome")).isEqualTo("SUCCEEDED");
    assertThat(regrade.get("finished_at")).isNotNull();
  }
}
