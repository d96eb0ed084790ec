package org.ethoslab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.account.UserAccount;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The lab settings form on H2: validated against the W2S spec field by field, stored as the job file expects it. */
@SpringBootTest
@AutoConfigureMockMvc
class LabSettingsIntegrationTests {

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
  LabAssignmentRepository assignments;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  UserDetailsService users;

  private GradingFixture fixture;
  private UserAccount teacher;
  private Offering offering;
  private CourseItem lab;

  @BeforeEach
  void setUp() {
    fixture = new GradingFixture(accounts, offerings, courses, items, submissions, jdbc);
    teacher = fixture.account(Role.INSTRUCTOR);
    offering = fixture.offering(teacher);
    lab = fixture.firstLab();
  }

  private RequestPostProcessor as(UserAccount account) {
    return user(users.loadUserByUsername(account.getEmail()));
  }

  private MockHttpServletRequestBuilder settingsPost() {
    return settingsPost(teacher);
  }

  private MockHttpServletRequestBuilder settingsPost(UserAccount who) {
    return post("/teach/offerings/{o}/labs/{i}/settings", offering.getId(), lab.getId()).with(csrf())
        .with(as(who))
        .param("scorePolicy", "LATEST").param("computeTier", "cpu-small").param("hiddenChecks", "AFTER_DUE")
        .param("cooldownSeconds", "60").param("latePenaltyPercentPerDay", "20").param("_editable", "on");
  }

  @Test
  void formIsGeneratedFromTheSpecAndTheLabListLinksToIt() throws Exception {
    mvc.perform(get("/teach/offerings/{o}/labs", offering.getId()).with(as(teacher)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(
            "/teach/offerings/" + offering.getId() + "/labs/" + lab.getId() + "/settings")));
    mvc.perform(get("/teach/offerings/{o}/labs/{i}/settings", offering.getId(), lab.getId()).with(as(teacher)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("name=\"defaults[numSeeds]\"")))
        .andExpect(content().string(Matchers.containsString("name=\"thresholds[pgr-positive]\"")))
        .andExpect(content().string(Matchers.containsString("int: 1 to 10; lab default 5")));
  }

  @Test
  void validSettingsAreStoredAsTypedJson() throws Exception {
    mvc.perform(settingsPost()
            .param("defaults[numSeeds]", "3").param("defaults[voting]", "hard").param("defaults[confidenceLoss]", "0.5")
            .param("editable", "numSeeds").param("editable", "voting")
            .param("thresholds[pgr-positive]", "0.3").param("points[pgr-positive]", "60")
            .param("maxAttempts", "3").param("dueAt", "2026-12-01T17:00").param("hardCutoffAt", "2026-12-03T17:00"))
        .andExpect(status().is3xxRedirection());
    LabAssignment a = assignments.findByOfferingIdAndItemId(offering.getId(), lab.getId()).orElseThrow();
    assertThat(a.getParamDefaults()).isEqualTo("{\"numSeeds\":3,\"voting\":\"hard\",\"confidenceLoss\":0.5}");
    assertThat(a.getEditableParams()).isEqualTo("[\"numSeeds\",\"voting\"]");
    assertThat(a.getRubricOverrides()).isEqualTo("{\"pgr-positive\":{\"threshold\":0.3,\"points\":60.0}}");
    assertThat(a.getMaxAttempts()).isEqualTo(3);
    assertThat(a.getCooldownSeconds()).isEqualTo(60);
    assertThat(a.getDueAt().toInstant()).isEqualTo(OffsetDateTime.of(2026, 12, 1, 17, 0, 0, 0, ZoneOffset.UTC)
        .toInstant());
    assertThat(a.getLatePenaltyPercentPerDay()).isEqualTo(20);
    assertThat(a.getScorePolicy()).isEqualTo(ScorePolicy.LATEST);
    assertThat(a.getHiddenChecks()).isEqualTo(HiddenChecks.AFTER_DUE);
    mvc.perform(get("/teach/offerings/{o}/labs/{i}/settings", offering.getId(), lab.getId()).with(as(teacher)))
        .andExpect(content().string(Matchers.containsString("value=\"hard\"")))
        .andExpect(content().string(Matchers.containsString("value=\"2026-12-01T17:00\"")));
  }

  @Test
  void badSettingsAreReportedNextToEachFieldAndNothingIsStored() throws Exception {
    mvc.perform(settingsPost()
            .param("defaults[numSeeds]", "50").param("defaults[voting]", "loud").param("defaults[numTeachers]", "2.5")
            .param("thresholds[pgr-positive]", "high").param("points[pgr-positive]", "-5")
            .param("maxAttempts", "0").param("dueAt", "2026-12-03T17:00").param("hardCutoffAt", "2026-12-01T17:00")
            .param("computeTier", "tpu"))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrors("labSettingsForm", "defaults[numSeeds]", "defaults[voting]",
            "defaults[numTeachers]", "thresholds[pgr-positive]", "points[pgr-positive]", "maxAttempts",
            "hardCutoffAt", "computeTier"))
        .andExpect(content().string(Matchers.containsString("Must be between 1 and 10.")))
        .andExpect(content().string(Matchers.containsString("Must be one of: soft, hard.")))
        .andExpect(content().string(Matchers.containsString("Enter a whole number.")))
        .andExpect(content().string(Matchers.containsString("The hard cutoff must not be before the due date.")));
    assertThat(assignments.findByOfferingIdAndItemId(offering.getId(), lab.getId())).isEmpty();
  }

  @Test
  void anotherInstructorAndStudentsAreRefused() throws Exception {
    UserAccount other = fixture.account(Role.INSTRUCTOR);
    UserAccount student = fixture.account(Role.STUDENT);
    fixture.enroll(student, offering);
    mvc.perform(get("/teach/offerings/{o}/labs/{i}/settings", offering.getId(), lab.getId()).with(as(other)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/teach/offerings/{o}/labs/{i}/settings", offering.getId(), lab.getId()).with(as(student)))
        .andExpect(status().isForbidden());
    mvc.perform(settingsPost(other)).andExpect(status().isForbidden());
    assertThat(assignments.findByOfferingIdAndItemId(offering.getId(), lab.getId())).isEmpty();
  }
}
