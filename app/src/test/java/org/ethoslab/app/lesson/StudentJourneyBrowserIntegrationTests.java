package org.ethoslab.app.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
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
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The first end-to-end path in a real headless Chromium: an instructor creates an offering and reads its join code;
 * a new student signs up, logs in, joins with the code, reads a lesson with rendered math and completes it; the
 * admin promotes a student. Screenshots of every page land in {@code target/screenshots/}; the main pages are also
 * checked with axe-core and must have no serious or critical accessibility violations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class StudentJourneyBrowserIntegrationTests {

  private static final String PASSWORD = "a sturdy passphrase 42";

  @LocalServerPort
  int port;

  @Autowired
  AccountService accounts;

  @Test
  void studentSignsUpJoinsReadsAndCompletesALesson() {
    String instructorEmail = "teacher-" + UUID.randomUUID() + "@example.org";
    accounts.register(instructorEmail, "Dr. Ada Teacher", PASSWORD, Role.INSTRUCTOR);
    String studentEmail = "student-" + UUID.randomUUID() + "@example.org";
    Map<String, List<String>> accessibility = new LinkedHashMap<>();

    try (BrowserSupport browser = BrowserSupport.start()) {
      WebDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
      // Clicking a submit button does not always wait for the next page; let lookups retry while it loads.
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));

      driver.get(url("/"));
      browser.screenshot("01-welcome");
      accessibility.put("01-welcome", browser.accessibilityViolations());

      // Instructor: create an offering and read its join code.
      logIn(driver, instructorEmail);
      driver.get(url("/teach"));
      new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("courseId"))).selectByIndex(1);
      driver.findElement(By.id("title")).sendKeys("AI Ethics, browser cohort");
      driver.findElement(By.cssSelector("form[action$='/teach/offerings'] button")).click();
      WebElement codeCell = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".join-code")));
      String joinCode = codeCell.getText();
      assertThat(joinCode).matches("[A-Z0-9]{4}-[A-Z0-9]{4}");
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash"))).getText()).contains(joinCode);
      browser.screenshot("02-teach");
      accessibility.put("02-teach", browser.accessibilityViolations());
      logOut(driver);

      // Student: sign up (first with a mismatch, to see the field errors), then for real.
      driver.get(url("/signup"));
      driver.findElement(By.id("email")).sendKeys(studentEmail);
      driver.findElement(By.id("displayName")).sendKeys("Sam Student");
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("confirmPassword")).sendKeys("something else entirely");
      driver.findElement(By.cssSelector("form button[type=submit]")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-error"))).getText()).contains("not the same");
      browser.screenshot("03-signup-errors");
      accessibility.put("03-signup-errors", browser.accessibilityViolations());
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.id("confirmPassword")).sendKeys(PASSWORD);
      driver.findElement(By.cssSelector("form button[type=submit]")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash"))).getText()).contains("Your account is ready");
      browser.screenshot("04-login-after-signup");
      logIn(driver, studentEmail);
      browser.screenshot("05-dashboard-empty");

      // A wrong code changes nothing and says so.
      driver.get(url("/join"));
      driver.findElement(By.id("code")).sendKeys("WXYZ-WXYZ");
      driver.findElement(By.cssSelector("form[action$='/join'] button")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-error"))).getText()).contains("No course has this join code");
      browser.screenshot("06-join-wrong-code");
      driver.findElement(By.id("code")).clear();
      driver.findElement(By.id("code")).sendKeys(joinCode.toLowerCase());
      driver.findElement(By.cssSelector("form[action$='/join'] button")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash"))).getText()).contains("You joined AI Ethics, browser cohort");
      browser.screenshot("07-outline");
      accessibility.put("07-outline", browser.accessibilityViolations());

      // Read the first lesson: Markdown rendered, math typeset by KaTeX, then complete it.
      String outlineUrl = driver.getCurrentUrl();
      driver.findElement(By.cssSelector(".item-list li a")).click();
      assertThat(driver.findElement(By.cssSelector(".prose")).getText()).isNotBlank();
      browser.screenshot("08-lesson");
      accessibility.put("08-lesson", browser.accessibilityViolations());
      driver.findElement(By.cssSelector(".lesson-footer button")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".done-note"))).getText()).contains("completed");
      driver.get(outlineUrl);
      List<WebElement> done = driver.findElements(By.cssSelector(".item-list li.done"));
      assertThat(done).hasSize(1);
      assertThat(driver.findElement(By.cssSelector(".module-progress")).getText()).startsWith("1 of ");
      browser.screenshot("09-outline-progress");

      // A lesson with formulas: KaTeX must have rendered them.
      driver.findElements(By.cssSelector(".item-list li a")).stream()
          .filter(a -> a.getText().toLowerCase().contains("pgr") || a.getText().toLowerCase().contains("method"))
          .findFirst().ifPresent(WebElement::click);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".lesson .prose")));
      if (!driver.findElements(By.cssSelector(".math-inline, .math-display, .katex")).isEmpty()) {
        wait.until(d -> !d.findElements(By.cssSelector(".katex")).isEmpty());
        browser.screenshot("10-lesson-math");
      }

      // The module's quiz: an unusable answer is refused with a message, then the quiz is graded.
      driver.get(outlineUrl);
      driver.findElements(By.cssSelector(".item-list li")).stream()
          .filter(li -> li.getText().contains("Quiz")).findFirst().orElseThrow()
          .findElement(By.tagName("a")).click();
      browser.screenshot("10b-quiz");
      driver.findElements(By.cssSelector(".question input[type=radio]")).get(0).click();
      driver.findElements(By.cssSelector(".question input[inputmode=decimal]")).get(0).sendKeys("about a half");
      driver.findElement(By.cssSelector("form[action*='/quizzes/'] button[type=submit]")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-error"))).getText()).contains("nothing was graded");
      assertThat(driver.findElements(By.cssSelector(".field-error"))).extracting(WebElement::getText)
          .contains("Please enter a single number, for example 0.6.", "Please answer this question.");
      browser.screenshot("10c-quiz-problems");
      driver.manage().timeouts().implicitlyWait(Duration.ZERO);
      for (WebElement question : driver.findElements(By.cssSelector(".question"))) {
        List<WebElement> choices = question.findElements(By.cssSelector("input[type=radio], input[type=checkbox]"));
        if (!choices.isEmpty() && choices.stream().noneMatch(WebElement::isSelected)) {
          choices.get(0).click();
        }
        for (WebElement number : question.findElements(By.cssSelector("input[inputmode=decimal]"))) {
          number.clear();
          number.sendKeys("0.6");
        }
      }
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
      driver.findElement(By.cssSelector("form[action*='/quizzes/'] button[type=submit]")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash"))).getText()).contains("Your answers were graded");
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".score-line"))).getText()).startsWith("Your latest result:");
      assertThat(driver.findElements(By.cssSelector(".verdict"))).isNotEmpty();
      browser.screenshot("10d-quiz-graded");
      accessibility.put("10d-quiz-graded", browser.accessibilityViolations());

      // A lab item shows its instructions and default parameters.
      driver.get(outlineUrl);
      driver.findElements(By.cssSelector(".item-list li")).stream()
          .filter(li -> li.getText().contains("Lab")).findFirst().orElseThrow()
          .findElement(By.tagName("a")).click();
      assertThat(driver.findElement(By.cssSelector(".lesson .prose")).getText()).isNotBlank();
      browser.screenshot("10e-lab");
      accessibility.put("10e-lab", browser.accessibilityViolations());

      driver.get(url("/"));
      browser.screenshot("11-dashboard");
      driver.get(url("/account/password"));
      browser.screenshot("12-password");
      driver.get(url("/teach"));
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("You may not open this page");
      browser.screenshot("13-forbidden");
      accessibility.put("13-forbidden", browser.accessibilityViolations());
      browser.windowSize(390, 844);
      driver.get(outlineUrl);
      browser.screenshot("14-outline-phone");
      browser.windowSize(1280, 900);
      logOut(driver);

      // Admin promotes the student to instructor.
      logIn(driver, "admin@ethoslab.local", "admin-test-password-1");
      driver.get(url("/admin/users"));
      browser.screenshot("15-admin-users");
      accessibility.put("15-admin-users", browser.accessibilityViolations());
      driver.findElements(By.cssSelector("tbody tr")).stream()
          .filter(row -> row.getText().contains(studentEmail))
          .findFirst().orElseThrow()
          .findElement(By.cssSelector("button")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash"))).getText()).contains(studentEmail + " is now an instructor");
      driver.get(outlineUrl);
      assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Sam Student", "Students (1)");
      browser.screenshot("15b-roster");
      accessibility.put("15b-roster", browser.accessibilityViolations());
      driver.get(url("/no-such-page"));
      browser.screenshot("16-not-found");
    }
    accessibility.values().removeIf(List::isEmpty);
    assertThat(accessibility).as("serious or critical axe-core violations per page").isEmpty();
  }

  private void logIn(WebDriver driver, String email) {
    logIn(driver, email, PASSWORD);
  }

  private void logIn(WebDriver driver, String email, String password) {
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(password);
    WebElement button = driver.findElement(By.cssSelector("form[action$='/login'] button"));
    button.click();
    // The click returns before the POST's redirect lands: wait for the login page to go away before asserting.
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(button));
    assertThat(driver.getCurrentUrl()).as(() -> driver.findElement(By.tagName("main")).getText())
        .doesNotContain("/login");
  }

  private void logOut(WebDriver driver) {
    driver.findElements(By.cssSelector("details.menu summary")).get(driver.findElements(By.cssSelector("details.menu summary")).size() - 1).click();
    driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?logout"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
