package org.ethoslab.app.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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
import org.ethoslab.app.submission.SubmissionRepository;
import org.ethoslab.app.testsupport.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The instructor in headless Chromium: from the offering table to the gradebook, into a submission, an audited
 * override, the CSV export, the lab settings form (with a refused value) and the class analytics. Screenshots land in
 * {@code target/screenshots/gradebook-*}; every page passes axe-core without serious or critical violations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GradebookBrowserIntegrationTests {

  private static final String PASSWORD = "long enough password";

  @LocalServerPort
  int port;

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

  @Test
  void instructorGradesFromTheGradebookAndExportsCsv() {
    GradingFixture fixture = new GradingFixture(accounts, offerings, courses, items, submissions, jdbc);
    UserAccount teacher = fixture.account(Role.INSTRUCTOR, "Dr. Ada Teacher");
    UserAccount student = fixture.account(Role.STUDENT, "Sam Student");
    Offering offering = fixture.offering(teacher);
    fixture.enroll(student, offering);
    CourseItem lab = fixture.firstLab();
    fixture.graded(student, offering, lab, OffsetDateTime.now(ZoneOffset.UTC).minusHours(2), 0, 72, null);
    Map<String, List<String>> accessibility = new LinkedHashMap<>();

    try (BrowserSupport browser = BrowserSupport.start()) {
      WebDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
      logIn(driver, teacher.getEmail());

      driver.get(url("/teach"));
      driver.findElement(By.cssSelector("a[aria-label='Gradebook of " + offering.getTitle() + "']")).click();
      wait.until(ExpectedConditions.urlContains("/gradebook"));
      String table = driver.findElement(By.cssSelector("table.gradebook")).getText();
      assertThat(table).contains("Sam Student", "72.0 / 100", "1 attempt");
      browser.screenshot("gradebook-01-gradebook");
      accessibility.put("gradebook", browser.accessibilityViolations());

      driver.findElement(By.linkText("72.0 / 100")).click();
      wait.until(ExpectedConditions.urlContains("/submissions/"));
      assertThat(driver.findElement(By.tagName("main")).getText())
          .contains("median PGR 0.52 >= 0.20", "public class SoftVote {}", "numSeeds");
      browser.screenshot("gradebook-02-submission");
      accessibility.put("submission", browser.accessibilityViolations());

      driver.findElement(By.id("score")).sendKeys("80");
      driver.findElement(By.id("reason")).sendKeys("Seed 3 hit a runner fault; graded by hand");
      driver.findElement(By.cssSelector("form[action$='/override'] button")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash"))).getText())
          .contains("override is saved");
      assertThat(driver.findElement(By.cssSelector(".override-entry")).getText())
          .contains("Dr. Ada Teacher changed the score from 72.00 to 80.00: Seed 3 hit a runner fault");
      browser.screenshot("gradebook-03-overridden");
      accessibility.put("submission-overridden", browser.accessibilityViolations());

      driver.get(url("/teach/offerings/" + offering.getId() + "/gradebook"));
      assertThat(driver.findElement(By.cssSelector("table.gradebook")).getText()).contains("80.0 / 100", "overridden");
      String csvHref = driver.findElement(By.id("export-csv")).getAttribute("href");
      Object csv = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "fetch(arguments[0]).then(r => r.text()).then(done).catch(e => done('failed: ' + e));", csvHref);
      String[] lines = String.valueOf(csv).split("\r?\n");
      assertThat(lines[0]).startsWith("Student,Email,").contains(lab.getTitle() + " score");
      assertThat(lines[1]).startsWith("Sam Student," + student.getEmail() + ",").contains(",80,100,1,");

      driver.get(url("/teach/offerings/" + offering.getId() + "/labs"));
      browser.screenshot("gradebook-04-labs");
      accessibility.put("labs", browser.accessibilityViolations());
      driver.findElement(By.cssSelector("a[aria-label='Settings of " + lab.getTitle() + "']")).click();
      wait.until(ExpectedConditions.urlContains("/settings"));
      browser.screenshot("gradebook-05-settings");
      accessibility.put("settings", browser.accessibilityViolations());
      driver.findElement(By.id("default-numSeeds")).sendKeys("50");
      driver.findElement(By.cssSelector("form[action$='/settings'] button[type='submit']")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("default-numSeeds-error"))).getText())
          .isEqualTo("Must be between 1 and 10.");
      browser.screenshot("gradebook-06-settings-error");
      accessibility.put("settings-error", browser.accessibilityViolations());

      driver.get(url("/teach/offerings/" + offering.getId() + "/labs/" + lab.getId() + "/analytics"));
      assertThat(driver.findElement(By.tagName("main")).getText()).contains("1 graded submission", "Graded");
      browser.screenshot("gradebook-07-analytics");
      accessibility.put("analytics", browser.accessibilityViolations());
    }
    accessibility.values().removeIf(List::isEmpty);
    assertThat(accessibility).as("serious or critical axe-core violations per page").isEmpty();
  }

  private void logIn(WebDriver driver, String email) {
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    WebElement button = driver.findElement(By.cssSelector("form[action$='/login'] button"));
    button.click();
    // The click returns before the POST's redirect lands: wait for the login page to go away before asserting.
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(button));
    assertThat(driver.getCurrentUrl()).as(() -> driver.findElement(By.tagName("main")).getText())
        .doesNotContain("/login");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
