package org.ethoslab.app.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.lesson.ProgressService;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.testsupport.BrowserSupport;
import org.ethoslab.app.testsupport.RealServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lab experience in a real headless Chromium with the embedded runner and a real (small) W2S job: a new student
 * signs up, joins with the instructor's code, opens the W2S lab from the dashboard, changes parameters, implements
 * SoftVote in the code editor, submits with the keyboard, watches progress arrive, reads the graded result with its
 * charts and finds it on the dashboard. Screenshots of the lab, run, result and dashboard pages are kept under
 * {@code target/screenshots/}; axe-core must find no serious or critical violation on any of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.address=127.0.0.1",
    "ethoslab.runner.embedded.enabled=true",
    "ethoslab.runner.embedded.labs-home=../labs/target",
    "ethoslab.runner.embedded.work-dir=target/embedded-runner",
    "ethoslab.queue.artifact-dir=target/lab-run-browser-artifacts"})
class LabRunBrowserIntegrationTests {

  private static final Path LABS_JAR = Path.of("../labs/target/labs.jar");
  private static final String SOFT_VOTE = """
      public class SoftVote implements org.ethoslab.hooks.w2s.Voting {
          @Override
          public double[] combine(double[][] teacherProbs) {
              double[] out = new double[teacherProbs[0].length];
              for (double[] teacher : teacherProbs) {
                  for (int c = 0; c < out.length; c++) {
                      out[c] += teacher[c] / teacherProbs.length;
                  }
              }
              return out;
          }
      }
      """;

  @LocalServerPort
  int port;

  @Autowired AccountService accounts;
  @Autowired CourseRepository courses;
  @Autowired OfferingService offerings;
  @Autowired ProgressService progress;

  @BeforeAll
  static void labsBuilt() {
    RealServices.assumeAvailable(Files.isRegularFile(LABS_JAR), LABS_JAR.toAbsolutePath()
        + " is missing; build the labs first (mvn -B -q -pl labs package -DskipTests)");
  }

  @Test
  void aNewStudentRunsTheW2sLabAndSeesTheGradedResult() {
    LabCourseFixture course = LabCourseFixture.create(accounts, courses, offerings, progress);
    String email = "browser-lab-" + System.nanoTime() + "@example.org";
    Map<String, List<String>> accessibility = new LinkedHashMap<>();

    try (BrowserSupport browser = BrowserSupport.start()) {
      WebDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));

      driver.get(url("/signup"));
      driver.findElement(By.id("email")).sendKeys(email);
      driver.findElement(By.id("displayName")).sendKeys("Lab Student");
      driver.findElement(By.id("password")).sendKeys(LabCourseFixture.PASSWORD);
      driver.findElement(By.id("confirmPassword")).sendKeys(LabCourseFixture.PASSWORD);
      driver.findElement(By.cssSelector("form button[type=submit]")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash")));
      driver.get(url("/login"));
      driver.findElement(By.id("username")).sendKeys(email);
      driver.findElement(By.id("password")).sendKeys(LabCourseFixture.PASSWORD);
      driver.findElement(By.cssSelector("form button[type=submit]")).click();
      wait.until(ExpectedConditions.urlToBe(url("/")));
      driver.get(url("/join"));
      driver.findElement(By.id("code")).sendKeys(course.offering().getJoinCode());
      driver.findElement(By.cssSelector("form[action$='/join'] button")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash")));

      // From the dashboard's course overview to the W2S lab.
      driver.get(url("/"));
      String labPath = "/offerings/" + course.offering().getId() + "/labs/" + course.w2sItemId();
      driver.findElement(By.cssSelector("a[href$='" + labPath + "']")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
      setNumber(driver, "p_numSeeds", "1");
      setNumber(driver, "p_numTeachers", "1");
      setNumber(driver, "p_trainSize", "200");
      setNumber(driver, "p_testSize", "100");
      setNumber(driver, "p_strongSteps", "20");
      ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
          "document.querySelector('#hook_SoftVote').nextElementSibling.CodeMirror.setValue(arguments[0]);", SOFT_VOTE);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-status"), "Draft saved"));
      browser.screenshot("lab-01-lab-page");
      accessibility.put("lab page", browser.accessibilityViolations());

      // A value out of bounds is refused next to its field; nothing is submitted.
      setNumber(driver, "p_numSeeds", "50");
      driver.findElement(By.cssSelector("#lab-form button[type=submit]")).sendKeys(Keys.ENTER);
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-error"))).getText())
          .isEqualTo("numSeeds: must be between 1 and 10, got 50");
      browser.screenshot("lab-02-field-error");

      // Keyboard only: fix the field and press Enter on the submit button.
      setNumber(driver, "p_numSeeds", "1");
      driver.findElement(By.cssSelector("#lab-form button[type=submit]")).sendKeys(Keys.ENTER);
      wait.until(ExpectedConditions.urlMatches(".*/submissions/\\d+$"));
      String runUrl = driver.getCurrentUrl();
      WebDriverWait slow = new WebDriverWait(driver, Duration.ofMinutes(5));
      slow.until(d -> !d.findElements(By.id("run-log")).isEmpty()
          && !d.findElement(By.id("run-log")).getText().isBlank()
          || !d.findElements(By.cssSelector(".verdict")).isEmpty());
      if (driver.findElements(By.cssSelector(".verdict")).isEmpty()) {
        browser.screenshot("lab-03-run-page");
        accessibility.put("run page", browser.accessibilityViolations());
      }

      slow.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".verdict")));
      assertThat(driver.getCurrentUrl()).isEqualTo(runUrl);
      assertThat(driver.findElement(By.cssSelector(".verdict h2")).getText()).isEqualTo("Graded");
      assertThat(driver.findElement(By.id("final-score")).getText()).matches("\\d+\\.\\d / 100\\.0");
      wait.until(d -> d.findElements(By.cssSelector("#result-charts canvas")).size() >= 2);
      assertThat(driver.findElements(By.cssSelector("table tbody tr td .check-pass, table tbody tr td .check-fail")))
          .hasSize(2);
      browser.screenshot("lab-04-result-page");
      accessibility.put("result page", browser.accessibilityViolations());
      ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
          "document.getElementById('result-charts').scrollIntoView();");
      browser.screenshot("lab-04b-result-charts");

      driver.get(url("/"));
      WebElement overview = driver.findElement(By.cssSelector(".course-overview"));
      assertThat(overview.getText()).contains("Graded", "1 used, 4 left");
      browser.screenshot("lab-05-dashboard");
      accessibility.put("dashboard", browser.accessibilityViolations());

      driver.get(url(labPath + "/history"));
      assertThat(driver.findElements(By.cssSelector("tbody tr"))).hasSize(1);
    }
    assertThat(accessibility).allSatisfy((page, violations) -> assertThat(violations).as(page).isEmpty());
  }

  private static void setNumber(WebDriver driver, String id, String value) {
    WebElement input = driver.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
