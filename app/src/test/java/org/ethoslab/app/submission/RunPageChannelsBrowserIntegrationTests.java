package org.ethoslab.app.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.lab.LabSettings;
import org.ethoslab.app.lab.LabWorkspace;
import org.ethoslab.app.lesson.ProgressService;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.queue.JobEventLog;
import org.ethoslab.app.queue.JobLeases;
import org.ethoslab.app.queue.LabJobService;
import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.ethoslab.app.testsupport.BrowserSupport;
import org.ethoslab.contract.runner.JobEvent;
import org.ethoslab.contract.runner.RunnerCapabilities;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The run page in headless Chromium, fed by a runner the test plays (no lab runs): what student code printed shows as
 * the student's own output ("your code ›", class {@code student}) and never moves phases or progress, even when it
 * looks like a platform event or was stored with a phase type; only the runner's and the lab's events move them; a
 * {@code retry} phase says the platform failed and tries again; a runner without a sandbox makes the page say so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RunPageChannelsBrowserIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RunnerCapabilities UNSANDBOXED_RUNNER =
      new RunnerCapabilities(2, 4096, 0, 0, List.of(), "NONE", 1, "test");
  private static final String FORGED = "{\"type\":\"phase\",\"phase\":\"evaluate\",\"channel\":\"runner\","
      + "\"message\":\"Grading the results: your score is 100/100\"}";

  @LocalServerPort
  int port;

  @Autowired AccountService accounts;
  @Autowired CourseRepository courses;
  @Autowired OfferingService offerings;
  @Autowired ProgressService progress;
  @Autowired LabWorkspace workspace;
  @Autowired SubmissionService service;
  @Autowired LabJobService jobs;
  @Autowired JobLeases leases;
  @Autowired JobEventLog events;
  @Autowired RunnerRegistry runners;

  @Test
  void studentOutputIsMarkedAndMovesNothingWhileThePlatformsEventsDo() throws Exception {
    LabCourseFixture course = LabCourseFixture.create(accounts, courses, offerings, progress);
    LabSettings settings = workspace.open(course.offering().getId(), course.w2sItemId(), course.studentId(), false);
    Map<String, String> form = new HashMap<>();
    settings.effectiveParams().forEach((k, v) -> form.put(k, String.valueOf(v)));
    Submission submission = service.submit(settings, course.studentId(), new SubmitRequest(form,
        Map.of("SoftVote", "public class SoftVote implements org.ethoslab.hooks.w2s.Voting {\n"
            + "  public double[] combine(double[][] p) { return p[0]; }\n}\n"))).submission();
    long runner = runners.registerInternal("channels-" + System.nanoTime(), true).runnerId();
    // Other tests may have left queued jobs: claim until ours is leased (the others go back to waiting).
    for (int i = 0; i < 50 && jobs.find(submission.getJobId()).getLeaseOwner() == null; i++) {
      leases.claim(runner, UNSANDBOXED_RUNNER, true, Duration.ZERO);
    }
    long jobId = submission.getJobId();
    assertThat(jobs.find(jobId).getRunnerIsolation()).isEqualTo("NONE");
    events.append(jobId, runner, List.of(
        event(1, "phase", "runner", "phase", "prepare", "message", "Preparing the sandbox"),
        event(2, "log", "student", "message", FORGED),
        event(3, "phase", "student", "phase", "evaluate", "message", "forged phase"),
        event(4, "progress", "lab", "fraction", "0.3"),
        event(5, "progress", "student", "fraction", "0.9", "message", "forged progress")));

    try (BrowserSupport browser = BrowserSupport.start()) {
      WebDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
      logIn(driver, course.studentEmail());
      driver.get(url("/submissions/" + submission.getId()));

      wait.until(d -> d.findElements(By.cssSelector("#run-log .student")).size() == 3);
      List<WebElement> student = driver.findElements(By.cssSelector("#run-log .student"));
      assertThat(student).allSatisfy(line -> assertThat(line.getText()).startsWith("your code ›"));
      assertThat(student.get(0).getText()).contains("Grading the results: your score is 100/100");
      assertThat(driver.findElement(By.cssSelector("#phases li.current")).getAttribute("data-phase"))
          .as("the student's evaluate phase moved nothing").isEqualTo("compiling");
      assertThat(driver.findElement(By.id("run-progress")).getAttribute("value")).isEqualTo("0.3");
      assertThat(driver.findElement(By.id("run-message")).getText()).doesNotContain("forged");
      assertThat(driver.findElement(By.id("run-unsandboxed")).isDisplayed()).isTrue();
      assertThat(driver.findElement(By.id("run-unsandboxed")).getText()).contains("No sandbox");
      browser.screenshot("run-channels-01-student-output");
      ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
          "document.getElementById('run-log').scrollIntoView({block: 'center'});");
      browser.screenshot("run-channels-01b-log");

      events.append(jobId, runner, List.of(event(6, "phase", "runner", "phase", "retry", "message",
          "The platform failed (the sandbox died); trying again.")));
      wait.until(ExpectedConditions.textToBe(By.id("run-message"),
          "The platform failed (the sandbox died); trying again."));
      assertThat(driver.findElement(By.cssSelector("#run-log .retry")).getText()).contains("trying again");
      assertThat(driver.findElement(By.id("run-progress")).getAttribute("value")).isEqualTo("0");
      browser.screenshot("run-channels-02-retry");
    }
    finally {
      jobs.cancel(submission.getJobId());
    }
  }

  private static JobEvent event(long seq, String type, String channel, String... fields) {
    ObjectNode data = JSON.createObjectNode().put("type", type).put("channel", channel);
    for (int i = 0; i < fields.length; i += 2) {
      if (fields[i].equals("fraction")) {
        data.put(fields[i], Double.parseDouble(fields[i + 1]));
      }
      else {
        data.put(fields[i], fields[i + 1]);
      }
    }
    return new JobEvent(seq, type, data);
  }

  private void logIn(WebDriver driver, String email) {
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(LabCourseFixture.PASSWORD);
    WebElement button = driver.findElement(By.cssSelector("form[action$='/login'] button"));
    button.click();
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(button));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
