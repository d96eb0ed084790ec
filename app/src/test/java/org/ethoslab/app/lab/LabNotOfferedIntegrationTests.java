package org.ethoslab.app.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.course.ItemBodies;
import org.ethoslab.app.labspec.PublishedLabs;
import org.ethoslab.app.lesson.ProgressService;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.testsupport.BrowserSupport;
import org.ethoslab.curriculum.ItemKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A lab item whose lab no runner offers (its published spec is taken away for the test, then put back): the lab page,
 * its settings and analytics say so in plain words instead of failing, the offering's lab list marks it, and the
 * student's run history stays readable. The student's page is also looked at in Chromium (screenshot
 * {@code target/screenshots/lab-not-offered.png}, no serious accessibility violation).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class LabNotOfferedIntegrationTests {

  private static final String LAB = "prefopt";
  private static final String PASSWORD = "a sturdy passphrase 42";

  @Autowired AccountService accounts;
  @Autowired CourseRepository courses;
  @Autowired OfferingService offerings;
  @Autowired ProgressService progress;
  @Autowired PublishedLabs labs;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserDetailsService users;
  @Autowired MockMvc mvc;
  @LocalServerPort int port;

  private List<Map<String, Object>> takenAway;
  private String teacherEmail;
  private String studentEmail;
  private Offering offering;
  private CourseItem item;

  @BeforeEach
  void noRunnerOffersPrefopt() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    teacherEmail = "teacher-" + tag + "@example.org";
    studentEmail = "student-" + tag + "@example.org";
    long teacher = accounts.register(teacherEmail, "Teacher", PASSWORD, Role.INSTRUCTOR).getId();
    long student = accounts.register(studentEmail, "Student", PASSWORD, Role.STUDENT).getId();
    long courseId = courses.findAll().stream()
        .filter(c -> progress.progress(c.getId(), Optional.empty()).items().stream().anyMatch(this::isPrefopt))
        .findFirst().orElseThrow().getId();
    item = progress.progress(courseId, Optional.empty()).items().stream().filter(this::isPrefopt).findFirst()
        .orElseThrow();
    offering = offerings.create(teacher, courseId, "Without prefopt " + tag);
    offerings.join(student, offering.getJoinCode());
    assertThat(labs.find(LAB)).as("published from labs.jar at start").isPresent();
    takenAway = jdbc.queryForList("select lab_id, version, spec, published_at, published_by from published_lab_spec"
        + " where lab_id = ?", LAB);
    jdbc.update("delete from published_lab_spec where lab_id = ?", LAB);
    labs.refresh();
  }

  @AfterEach
  void putTheSpecBack() {
    for (Map<String, Object> row : takenAway) {
      jdbc.update("insert into published_lab_spec (lab_id, version, spec, published_at, published_by)"
          + " values (?, ?, ?, ?, ?)", row.get("lab_id"), row.get("version"), row.get("spec"), row.get("published_at"),
          row.get("published_by"));
    }
    labs.refresh();
    assertThat(labs.find(LAB)).isPresent();
  }

  @Test
  void theLabPageSaysNoRunnerOffersTheLabYet() throws Exception {
    var student = user(users.loadUserByUsername(studentEmail));
    String page = mvc.perform(get("/offerings/" + offering.getId() + "/labs/" + item.getId()).with(student))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(page).contains("This lab cannot run yet", "No runner offers this lab yet (lab id \u2018prefopt\u2019)")
        .doesNotContain("id=\"lab-form\"");
    mvc.perform(get("/offerings/" + offering.getId() + "/labs/" + item.getId() + "/history").with(student))
        .andExpect(status().isOk());
  }

  @Test
  void theInstructorsSettingsAndAnalyticsSayTheSameAndTheLabListMarksIt() throws Exception {
    var teacher = user(users.loadUserByUsername(teacherEmail));
    String base = "/teach/offerings/" + offering.getId() + "/labs";
    for (String path : List.of(base + "/" + item.getId() + "/settings", base + "/" + item.getId() + "/analytics")) {
      assertThat(mvc.perform(get(path).with(teacher)).andExpect(status().isOk()).andReturn().getResponse()
          .getContentAsString()).as(path).contains("No runner offers this lab yet (lab id \u2018prefopt\u2019)");
    }
    assertThat(mvc.perform(get(base).with(teacher)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString()).contains("No runner offers this lab yet: its settings and analytics open once one does.");
  }

  @Test
  void aStudentSeesThePlainNoticeInTheBrowser() {
    try (BrowserSupport browser = BrowserSupport.start()) {
      WebDriver driver = browser.driver();
      String base = "http://127.0.0.1:" + port;
      driver.get(base + "/login");
      driver.findElement(By.id("username")).sendKeys(studentEmail);
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.cssSelector("form button[type=submit]")).click();
      new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(base + "/"));
      driver.get(base + "/offerings/" + offering.getId() + "/labs/" + item.getId());
      assertThat(driver.findElement(By.tagName("main")).getText()).contains("This lab cannot run yet");
      assertThat(driver.findElements(By.id("lab-form"))).isEmpty();
      browser.screenshot("lab-not-offered");
      assertThat(browser.accessibilityViolations()).isEmpty();
    }
  }

  private boolean isPrefopt(CourseItem i) {
    return i.getKind() == ItemKind.LAB && LAB.equals(ItemBodies.lab(i).labId());
  }
}
