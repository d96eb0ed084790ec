package org.ethoslab.app.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ethoslab.app.account.AccountService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.grading.LabAssignment;
import org.ethoslab.app.grading.LabAssignmentRepository;
import org.ethoslab.app.lab.LabSettings;
import org.ethoslab.app.lab.LabWorkspace;
import org.ethoslab.app.lesson.ProgressService;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.queue.JobLeases;
import org.ethoslab.app.queue.LabJob;
import org.ethoslab.app.queue.LabJobService;
import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.contract.runner.RunnerCapabilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Submitting a lab through the service and the queue, with the test acting as the runner over the queue's own API
 * (claim, complete): the late penalty from the server's clock, the hard cutoff, the attempt refunded after an
 * infrastructure error, and a student who cannot open another student's submission.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SubmissionIntegrationTests {

  private static final RunnerCapabilities RUNNER = new RunnerCapabilities(4, 8192, 0, 0, java.util.List.of(),
      "FULL", 1, "test");
  private static final String SOFT_VOTE = "public class SoftVote implements org.ethoslab.hooks.w2s.Voting {\n"
      + "  public double[] combine(double[][] p) { return p[0]; }\n}\n";

  @Autowired AccountService accounts;
  @Autowired CourseRepository courses;
  @Autowired OfferingService offerings;
  @Autowired ProgressService progress;
  @Autowired LabWorkspace workspace;
  @Autowired SubmissionService service;
  @Autowired SubmissionRepository submissions;
  @Autowired LabAssignmentRepository assignments;
  @Autowired LabJobService jobs;
  @Autowired JobLeases leases;
  @Autowired RunnerRegistry runners;
  @Autowired Clock clock;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService userDetails;

  LabCourseFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = LabCourseFixture.create(accounts, courses, offerings, progress);
  }

  @Test
  void aLateSubmissionIsGradedWithThePenaltyForEachStartedDay() throws Exception {
    OffsetDateTime now = OffsetDateTime.now(clock);
    schedule(now.minusDays(2).minusHours(1), now.plusDays(5), 10);

    SubmitOutcome outcome = submit(Map.of("numSeeds", "1", "numTeachers", "1"));

    assertThat(outcome.isAccepted()).as("refusal %s %s", outcome.refusal(), outcome.fieldErrors()).isTrue();
    Submission submitted = outcome.submission();
    assertThat(submitted.getDaysLate()).isEqualTo(3);
    assertThat(submitted.getAttemptNumber()).isEqualTo(1);
    LabJob job = jobs.find(submitted.getJobId());
    assertThat(job.getInput()).contains("\"numSeeds\":1", "\"SoftVote\"", "\"evalSeed\"", "\"wallSeconds\"");

    long runner = runners.register("late-test-" + System.nanoTime()).runnerId();
    assertThat(leases.claim(runner, RUNNER, true, Duration.ZERO)).map(LabJob::getId).contains(job.getId());
    ObjectNode evaluation = new ObjectMapper().createObjectNode().put("lab", "w2s").put("labVersion", "2")
        .put("score", 80.0).put("maxScore", 100.0);
    evaluation.putObject("metrics").put("pgr.median", 0.4);
    leases.complete(job.getId(), runner, new CompleteRequest(Outcome.SUCCEEDED, null, evaluation, 0));

    Submission graded = submissions.findById(submitted.getId()).orElseThrow();
    assertThat(graded.getOutcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(graded.getRawScore()).isEqualTo(80.0);
    assertThat(graded.getMaxScore()).isEqualTo(100.0);
    assertThat(graded.getScore()).isCloseTo(56.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(graded.isCountsAsAttempt()).isTrue();
  }

  @Test
  void pastTheHardCutoffNothingIsSubmittedAndTheMessageSaysWhy() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    schedule(now.minusDays(3), now.minusMinutes(1), 10);
    long before = submissions.count();

    SubmitOutcome outcome = submit(Map.of("numSeeds", "1"));

    assertThat(outcome.isAccepted()).isFalse();
    assertThat(outcome.refusal()).isEqualTo("lab.submit.cutoff");
    assertThat(submissions.count()).isEqualTo(before);
    assertThat(submissions.countByUserIdAndOfferingIdAndItemIdAndCountsAsAttemptTrue(fixture.studentId(),
        fixture.offering().getId(), fixture.w2sItemId())).isZero();
  }

  @Test
  void attemptsAndCooldownAreEnforcedAndARefusalUsesNoAttempt() {
    LabAssignment a = LabAssignment.defaults(fixture.offering().getId(), fixture.w2sItemId());
    a.limitAttempts(2, 3600, OffsetDateTime.now(clock));
    assignments.save(a);

    assertThat(submit(Map.of("numSeeds", "1")).isAccepted()).isTrue();
    SubmitOutcome tooSoon = submit(Map.of("numSeeds", "1"));
    assertThat(tooSoon.refusal()).isEqualTo("lab.submit.cooldown");
    assertThat((Long) tooSoon.refusalArgs().get(0)).isBetween(3500L, 3600L);

    a.limitAttempts(1, 0, OffsetDateTime.now(clock));
    assignments.save(a);
    assertThat(submit(Map.of("numSeeds", "1")).refusal()).isEqualTo("lab.submit.noAttemptsLeft");
    assertThat(submissions.countByUserIdAndOfferingIdAndItemIdAndCountsAsAttemptTrue(fixture.studentId(),
        fixture.offering().getId(), fixture.w2sItemId())).isEqualTo(1);
  }

  @Test
  void aParameterOutOfBoundsIsRefusedWithAMessageNamingTheField() {
    SubmitOutcome outcome = submit(Map.of("numSeeds", "50"));

    assertThat(outcome.isAccepted()).isFalse();
    assertThat(outcome.fieldErrors()).containsEntry("numSeeds", "numSeeds: must be between 1 and 10, got 50");
    assertThat(submissions.findByUserIdOrderBySubmittedAtDesc(fixture.studentId())).isEmpty();
  }

  @Test
  void anInfrastructureErrorGivesTheAttemptBack() throws Exception {
    Submission submitted = submit(Map.of("numSeeds", "1")).submission();
    long runner = runners.register("infra-test-" + System.nanoTime()).runnerId();
    LabJob job = jobs.find(submitted.getJobId());
    // The claim hands out whichever queued job comes first (another test's job may be ahead of ours), so
    // complete the job actually claimed until ours has used up its infrastructure attempts.
    for (int tries = 0; tries < 20 && !job.getState().terminal(); tries++) {
      Optional<LabJob> claimed = leases.claim(runner, RUNNER, true, Duration.ZERO);
      assertThat(claimed).isPresent();
      leases.complete(claimed.get().getId(), runner, new CompleteRequest(Outcome.INFRASTRUCTURE_ERROR,
          "the sandbox would not start", null, 0));
      job = jobs.find(job.getId());
    }
    assertThat(job.getState().terminal()).isTrue();

    Submission after = submissions.findById(submitted.getId()).orElseThrow();
    assertThat(after.getOutcome()).isEqualTo(Outcome.INFRASTRUCTURE_ERROR);
    assertThat(after.isCountsAsAttempt()).isFalse();
    assertThat(after.getScore()).isNull();
    assertThat(submissions.countByUserIdAndOfferingIdAndItemIdAndCountsAsAttemptTrue(fixture.studentId(),
        fixture.offering().getId(), fixture.w2sItemId())).isZero();
  }

  @Test
  void aCompileErrorCostsTheAttemptAndItsResultLinksToTheLineInTheEditor() throws Exception {
    Submission submitted = submit(Map.of("numSeeds", "1")).submission();
    long runner = runners.register("compile-test-" + System.nanoTime()).runnerId();
    assertThat(leases.claim(runner, RUNNER, true, Duration.ZERO)).map(LabJob::getId).contains(submitted.getJobId());
    leases.complete(submitted.getJobId(), runner, new CompleteRequest(Outcome.COMPILE_ERROR,
        "Your code did not compile: SoftVote.java:2: ';' expected", null, 0));

    Submission after = submissions.findById(submitted.getId()).orElseThrow();
    assertThat(after.getOutcome()).isEqualTo(Outcome.COMPILE_ERROR);
    assertThat(after.isCountsAsAttempt()).isTrue();
    String page = mvc.perform(get("/submissions/" + submitted.getId())
            .with(user(userDetails.loadUserByUsername(fixture.studentEmail()))))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Your code did not compile", "/offerings/" + fixture.offering().getId() + "/labs/"
        + fixture.w2sItemId() + "#hook-SoftVote-L2", "Open SoftVote.java at line 2 in the editor");
  }

  @Test
  void theJobIsTheContractsJobInputWithTheLabsLimitsAndTheHiddenSeed() throws Exception {
    Submission submitted = submit(Map.of("numSeeds", "2")).submission();
    JobInput input = JobInput.parse(new ObjectMapper().readTree(jobs.find(submitted.getJobId()).getInput()));
    LabSpec w2s = workspace.open(fixture.offering().getId(), fixture.w2sItemId(), fixture.studentId(), false).lab();

    assertThat(input.lab()).isEqualTo("w2s");
    assertThat(input.labVersion()).isEqualTo("2").isEqualTo(w2s.version());
    assertThat(input.seed()).isEqualTo(submitted.getId());
    assertThat(input.params().get("numSeeds").asInt()).isEqualTo(2);
    assertThat(input.hooks()).containsOnlyKeys("SoftVote");
    assertThat(input.limits()).isEqualTo(JobInput.Limits.of(w2s.limits().wallSeconds(), w2s.limits().cpuSeconds()));
    assertThat(input.resources()).isEqualTo(new JobInput.Resources(1, w2s.limits().memoryMb(), "cpu"));
    assertThat(input.hidden().get("evalSeed").asLong()).isEqualTo(submitted.getEvalSeed());
  }

  @Test
  void aRunOnARunnerWithoutASandboxSaysSoOnItsRunAndResultPages() throws Exception {
    Submission submitted = submit(Map.of("numSeeds", "1")).submission();
    long runner = runners.registerInternal("none-test-" + System.nanoTime(), true).runnerId();
    RunnerCapabilities unsandboxed = new RunnerCapabilities(2, 4096, 0, 0, java.util.List.of(), "NONE", 1, "test");
    assertThat(leases.claim(runner, unsandboxed, true, Duration.ZERO)).map(LabJob::getId)
        .contains(submitted.getJobId());
    var owner = user(userDetails.loadUserByUsername(fixture.studentEmail()));

    String runPage = mvc.perform(get("/submissions/" + submitted.getId()).with(owner))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(runPage).contains("development runner with no sandbox (isolation NONE)");
    assertThat(runPage).doesNotContainPattern("id=\"run-unsandboxed\"[^>]*hidden");

    ObjectNode evaluation = new ObjectMapper().createObjectNode().put("lab", "w2s").put("labVersion", "2")
        .put("score", 50.0).put("maxScore", 100.0);
    leases.complete(submitted.getJobId(), runner, new CompleteRequest(Outcome.SUCCEEDED, null, evaluation, 0));
    String resultPage = mvc.perform(get("/submissions/" + submitted.getId()).with(owner))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(resultPage).contains("Graded").contains("development runner with no sandbox (isolation NONE)");
    assertThat(resultPage).doesNotContainPattern("id=\"run-unsandboxed\"[^>]*hidden");
  }

  @Test
  void aSandboxedRunKeepsTheNoSandboxNoticeHidden() throws Exception {
    Submission submitted = submit(Map.of("numSeeds", "1")).submission();
    long runner = runners.register("full-test-" + System.nanoTime()).runnerId();
    assertThat(leases.claim(runner, RUNNER, true, Duration.ZERO)).map(LabJob::getId).contains(submitted.getJobId());

    String runPage = mvc.perform(get("/submissions/" + submitted.getId())
            .with(user(userDetails.loadUserByUsername(fixture.studentEmail()))))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(runPage).containsPattern("id=\"run-unsandboxed\"[^>]*hidden");
  }

  @Test
  void aStudentCannotOpenAnotherStudentsSubmissionOrItsEvents() throws Exception {
    Submission submitted = submit(Map.of("numSeeds", "1")).submission();
    String otherEmail = "other-" + System.nanoTime() + "@example.org";
    long other = accounts.register(otherEmail, "Other Student", LabCourseFixture.PASSWORD, Role.STUDENT).getId();
    offerings.join(other, fixture.offering().getJoinCode());
    var otherUser = user(userDetails.loadUserByUsername(otherEmail));
    var owner = user(userDetails.loadUserByUsername(fixture.studentEmail()));

    mvc.perform(get("/submissions/" + submitted.getId()).with(otherUser)).andExpect(status().isNotFound());
    mvc.perform(get("/submissions/" + submitted.getId() + "/events").with(otherUser))
        .andExpect(status().isNotFound());
    mvc.perform(get("/submissions/compare?a=" + submitted.getId() + "&b=" + submitted.getId()).with(otherUser))
        .andExpect(status().isNotFound());
    mvc.perform(get("/submissions/" + submitted.getId()).with(owner)).andExpect(status().isOk());
    mvc.perform(get("/offerings/" + fixture.offering().getId() + "/labs/" + fixture.w2sItemId()).with(owner))
        .andExpect(status().isOk());
  }

  /** Leaves no queued job behind for the next test's runner to claim. */
  @AfterEach
  void cancelUnfinished() {
    submissions.findByUserIdOrderBySubmittedAtDesc(fixture.studentId()).stream()
        .filter(sub -> !sub.isFinished()).forEach(sub -> jobs.cancel(sub.getJobId()));
  }

  private void schedule(OffsetDateTime due, OffsetDateTime cutoff, int penaltyPerDay) {
    LabAssignment a = LabAssignment.defaults(fixture.offering().getId(), fixture.w2sItemId());
    a.schedule(due, cutoff, penaltyPerDay, OffsetDateTime.now(clock));
    assignments.save(a);
  }

  private SubmitOutcome submit(Map<String, String> params) {
    LabSettings settings = workspace.open(fixture.offering().getId(), fixture.w2sItemId(), fixture.studentId(),
        false);
    java.util.Map<String, String> form = new java.util.HashMap<>();
    settings.effectiveParams().forEach((k, v) -> form.put(k, String.valueOf(v)));
    form.putAll(params);
    return service.submit(settings, fixture.studentId(), new SubmitRequest(form, Map.of("SoftVote", SOFT_VOTE)));
  }
}
