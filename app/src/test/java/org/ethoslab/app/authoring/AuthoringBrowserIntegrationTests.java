package org.ethoslab.app.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.testsupport.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Instructor authoring in a real headless Chromium: copy the template, edit a lesson with the live preview (the
 * edit carries XSS attempts that must neither run in the preview nor on the student's page), publish, start an
 * offering; a student joins and reads the new version. Then the instructor exports the course, imports the zip into
 * a new offering, and a malformed zip is refused with {@code file:line} messages while the row counts stay the same.
 * Screenshots: {@code target/screenshots/authoring-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthoringBrowserIntegrationTests {

  private static final String PASSWORD = "a sturdy passphrase 42";
  private static final Pattern JOIN_CODE = Pattern.compile("[A-Z0-9]{4}-[A-Z0-9]{4}");
  private static final String ATTACKS = "<img src=x onerror=\"window.xssRan=1;alert(1)\"> "
      + "[click](javascript:window.xssRan=2) <svg onload=\"window.xssRan=3\"></svg> "
      + "<a href=\"data:text/html,<script>alert(4)</script>\">data</a> <p style=\"x:expression(alert(5))\">styled</p>";

  @LocalServerPort
  int port;

  @Autowired
  AccountService accounts;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void instructorEditsPublishesExportsAndImports() throws Exception {
    String instructor = "author-" + UUID.randomUUID() + "@example.org";
    accounts.register(instructor, "Dr. Ada Author", PASSWORD, Role.INSTRUCTOR);
    String student = "reader-" + UUID.randomUUID() + "@example.org";
    accounts.register(student, "Sam Reader", PASSWORD, Role.STUDENT);
    String marker = "Revised paragraph " + UUID.randomUUID().toString().substring(0, 8);

    try (BrowserSupport browser = BrowserSupport.start()) {
      ChromeDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));

      // Copy the template into an editable course.
      logIn(driver, instructor);
      driver.get(url("/teach/courses"));
      new Select(driver.findElement(By.id("template"))).selectByIndex(0);
      driver.findElement(By.cssSelector("form.copy-form button")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash"))).getText())
          .contains("editable copy");
      String courseUrl = driver.getCurrentUrl();
      browser.screenshot("authoring-01-course");

      // Edit the first lesson: the preview shows the new text, rendered and sanitized by the server.
      WebElement editLink = driver.findElement(By.cssSelector(".authoring-item .badge-lesson ~ a.edit-link"));
      String lessonTitle = editLink.getText();
      editLink.click();
      assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo(lessonTitle);
      WebElement source = driver.findElement(By.id("source"));
      source.click();
      source.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
      source.sendKeys("\n\n" + marker + " with $x^2$.\n\n" + ATTACKS + "\n");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), marker));
      assertThat(driver.findElement(By.id("preview")).findElements(By.cssSelector(".katex"))).isNotEmpty();
      assertNoScriptRan(driver);
      driver.executeScript("const p = document.getElementById('preview'); p.scrollTop = p.scrollHeight;");
      browser.screenshot("authoring-02-editor-preview");

      driver.findElement(By.id("publish")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash"))).getText())
          .contains("Published as version 2");
      driver.findElement(By.cssSelector("a[href$='/history']")).click();
      driver.findElement(By.cssSelector("a[href*='compare=1']")).click();
      assertThat(driver.findElement(By.cssSelector(".diff-added")).getText()).isNotBlank();
      browser.screenshot("authoring-03-history-diff");

      // Start an offering of the edited course.
      driver.get(courseUrl);
      driver.findElement(By.id("offering-title")).sendKeys("Edited cohort");
      driver.findElement(By.cssSelector("form[action$='/offerings'] button")).click();
      String joinCode = firstJoinCode(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash")))
          .getText());
      logOut(driver);

      // The student sees the published version, and nothing in it runs.
      logIn(driver, student);
      driver.get(url("/join"));
      driver.findElement(By.id("code")).sendKeys(joinCode);
      driver.findElement(By.cssSelector("form[action$='/join'] button")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".item-list li a"))).click();
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(lessonTitle);
      assertThat(driver.findElement(By.cssSelector(".prose")).getText()).contains(marker);
      assertNoScriptRan(driver);
      driver.executeScript("arguments[0].scrollIntoView({block: 'center'});",
          driver.findElement(By.xpath("//p[contains(., '" + marker + "')]")));
      browser.screenshot("authoring-04-student-sees-new-version");
      // An internal link (item:<module>/<item>) of the lesson leads to that item in the same offering.
      String lessonUrl = driver.getCurrentUrl();
      driver.findElement(By.cssSelector(".prose a[href*='/items/by-slug/']")).click();
      wait.until(ExpectedConditions.not(ExpectedConditions.urlToBe(lessonUrl)));
      assertThat(driver.getCurrentUrl()).matches(".*/offerings/\\d+/items/\\d+");
      assertThat(driver.findElement(By.tagName("h1")).getText()).isNotEqualTo(lessonTitle).isNotBlank();
      logOut(driver);

      // Export with the instructor's session, then import the zip into a new offering through the page.
      logIn(driver, instructor);
      long courseId = Long.parseLong(courseUrl.replaceAll(".*/teach/courses/(\\d+).*", "$1"));
      byte[] zip = download(driver, "/teach/courses/" + courseId + "/export");
      assertThat(unzip(zip).keySet()).anyMatch(k -> k.endsWith("course.yaml"));
      Path good = Files.createTempFile("course-", ".zip");
      Files.write(good, zip);
      driver.get(url("/teach/courses/import"));
      driver.findElement(By.id("file")).sendKeys(good.toAbsolutePath().toString());
      driver.findElement(By.id("offering-title")).sendKeys("Imported cohort");
      driver.findElement(By.cssSelector("form[action$='/import'] button")).click();
      String importedFlash = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash"))).getText();
      assertThat(importedFlash).contains("Course imported");
      assertThat(JOIN_CODE.matcher(importedFlash).find()).isTrue();
      assertThat(driver.getCurrentUrl()).doesNotEndWith(courseUrl);
      assertThat(driver.findElements(By.cssSelector(".authoring-item"))).isNotEmpty();
      browser.screenshot("authoring-05-import-done");

      // A malformed zip: every problem with file and line, and not one row changes.
      Map<String, byte[]> files = unzip(zip);
      String quiz = files.keySet().stream().filter(k -> k.endsWith("quiz.yaml")).findFirst().orElseThrow();
      files.put(quiz, new String(files.get(quiz), StandardCharsets.UTF_8).replaceFirst("type: single", "type: singel")
          .getBytes(StandardCharsets.UTF_8));
      String lesson = files.keySet().stream().filter(k -> k.endsWith(".md")).findFirst().orElseThrow();
      files.put(lesson, (new String(files.get(lesson), StandardCharsets.UTF_8) + "\n[gone](item:nowhere/gone)\n")
          .getBytes(StandardCharsets.UTF_8));
      Path bad = Files.createTempFile("broken-course-", ".zip");
      Files.write(bad, CourseFiles.zip(files));
      Map<String, Long> before = rowCounts();
      driver.get(url("/teach/courses/import"));
      driver.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
      driver.findElement(By.id("offering-title")).sendKeys("Never created");
      driver.findElement(By.cssSelector("form[action$='/import'] button")).click();
      List<String> problems = wait.until(ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector(".problem")))
          .stream().map(WebElement::getText).toList();
      assertThat(problems).anyMatch(p -> p.startsWith(quiz + ":")).anyMatch(p -> p.startsWith(lesson + ":"))
          .allMatch(p -> p.matches("[^\\s:]+:\\d+: .+"));
      assertThat(rowCounts()).isEqualTo(before);
      browser.screenshot("authoring-06-import-refused");
      Files.deleteIfExists(good);
      Files.deleteIfExists(bad);
    }
  }

  private static void assertNoScriptRan(ChromeDriver driver) {
    assertThat(driver.executeScript("return window.xssRan === undefined ? null : window.xssRan;")).isNull();
    try {
      String text = driver.switchTo().alert().getText();
      throw new AssertionError("an alert opened: " + text);
    }
    catch (NoAlertPresentException expected) {
      // No script from the Markdown ran.
    }
  }

  private byte[] download(ChromeDriver driver, String path) throws Exception {
    String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains(".zip");
    return response.body();
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("course", "course_module", "module_item", "offering", "item_version")) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        files.put(e.getName(), bytes.toByteArray());
      }
    }
    return files;
  }

  private static String firstJoinCode(String text) {
    Matcher m = JOIN_CODE.matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group();
  }

  private void logIn(WebDriver driver, String email) {
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    driver.findElement(By.cssSelector("form[action$='/login'] button")).click();
    // The click does not wait for the next page; wait for the redirect away from the form (or the error page).
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> !d.getCurrentUrl().endsWith("/login"));
    assertThat(driver.getCurrentUrl()).doesNotContain("/login");
  }

  private void logOut(WebDriver driver) {
    List<WebElement> menus = driver.findElements(By.cssSelector("details.menu summary"));
    menus.get(menus.size() - 1).click();
    driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?logout"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
