package org.ethoslab.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ethoslab.app.testsupport.BrowserSupport;
import org.ethoslab.app.testsupport.RealServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The README's run command, {@code java -jar app/target/ethoslab-app.jar}, started from a checkout inside a folder no
 * other user may enter (mode 0700, as {@code mktemp -d} and many home directories are). The embedded runner's sandbox
 * uids cannot reach that folder, so the runner must move its jobs and a mirror of the labs build where they can — and
 * still run a new student's real weak-to-strong job and hooks in their sandboxes, at isolation FULL when the tests run as root.
 * The checkout is the built one, hard-linked into the private folder.
 */
class ReadmeRunDeploymentIntegrationTests {

  private static final String PASSWORD = "a-long-student-password";
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
  private static final String HARD_VOTE = """
      public class HardVote implements org.ethoslab.hooks.w2s.Voting {
          @Override
          public double[] combine(double[][] teacherProbs) {
              int classes = teacherProbs[0].length;
              int[] votes = new int[classes];
              for (double[] teacher : teacherProbs) {
                  int best = 0;
                  for (int c = 1; c < classes; c++) {
                      if (teacher[c] > teacher[best]) {
                          best = c;
                      }
                  }
                  votes[best]++;
              }
              int winner = 0;
              for (int c = 1; c < classes; c++) {
                  if (votes[c] > votes[winner]) {
                      winner = c;
                  }
              }
              double[] out = new double[classes];
              out[winner] = 1;
              return out;
          }
      }
      """;
  private static final Pattern JOIN_CODE = Pattern.compile("join it with the code ([A-Z0-9]{4}-[A-Z0-9]{4})");
  private static final Pattern MOVED_WORK_DIR = Pattern.compile("the caches live in (\\S+) instead\\.");

  private Path folder;
  private Path movedWorkDir;

  @AfterEach
  void removeFolders() throws IOException {
    for (Path dir : new Path[] {folder, movedWorkDir}) {
      if (dir != null) {
        FileSystemUtils.deleteRecursively(dir);
      }
    }
  }

  @Test
  void theReadmeRunCommandFromAPrivateFolderRunsAStudentsLabInTheSandbox() throws Exception {
    DeploymentTree tree = DeploymentTree.locate().requireBuilt();
    RealServices.assumeAvailable(new File("/usr/bin/bwrap").canExecute(),
        "bubblewrap is not installed (apt-get install bubblewrap)");
    RealServices.assumeAvailable(BrowserSupport.available(), "Chromium is not installed");
    Path runs = Files.createDirectories(tree.root.resolve("app/target/deployment-it"));
    folder = Files.createTempDirectory(runs, "private-");
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    Path checkout = folder.resolve("ethoslab");
    link(tree.appJar, checkout.resolve("app/target/ethoslab-app.jar"));
    for (String part : List.of("labs.jar", "lib", "hook-host")) {
      link(tree.labsHome.resolve(part), checkout.resolve("labs/target").resolve(part));
    }

    int port = DeploymentTree.freePort();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
    env.put("HOME", System.getProperty("user.home"));
    env.put("SERVER_PORT", Integer.toString(port));
    try (DeployedProcess app = DeployedProcess.start("app", List.of("java", "-jar", "app/target/ethoslab-app.jar"),
        env, checkout, folder.resolve("app.log"))) {
      String log = awaitLog(app, "Runner embedded started", Duration.ofMinutes(5));
      movedWorkDir = match(MOVED_WORK_DIR, log).map(Path::of).orElse(null);
      String expected = "root".equals(System.getProperty("user.name")) ? "Isolation FULL" : "Isolation NAMESPACES_ONLY";
      assertThat(log).as(app.tail()).contains(expected);
      if ("root".equals(System.getProperty("user.name"))) {
        assertThat(movedWorkDir).as("a root runner moves its jobs out of the private folder\n" + app.tail())
            .isNotNull();
        assertThat(log).contains("the sandbox reads a mirror of it in");
      }
      String code = match(JOIN_CODE, log).orElseThrow(() -> new AssertionError("no join code logged\n" + app.tail()));

      try (BrowserSupport browser = BrowserSupport.start()) {
        runSoftVoteAsANewStudent(browser.driver(), "http://127.0.0.1:" + port, code);
        browser.screenshot("readme-run-private-folder-result");
      }
      assertThat(app.logText()).doesNotContain("Exception in thread");
    }
  }

  private static void runSoftVoteAsANewStudent(WebDriver driver, String base, String joinCode) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    String email = "readme-" + System.nanoTime() + "@example.org";
    driver.get(base + "/signup");
    driver.findElement(By.id("email")).sendKeys(email);
    driver.findElement(By.id("displayName")).sendKeys("Private Folder Student");
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    driver.findElement(By.id("confirmPassword")).sendKeys(PASSWORD);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash")));
    driver.get(base + "/login");
    driver.findElement(By.id("username")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe(base + "/"));
    driver.get(base + "/join");
    driver.findElement(By.id("code")).sendKeys(joinCode);
    driver.findElement(By.cssSelector("form[action$='/join'] button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash")));

    openTheW2sLab(driver, base);
    for (Map.Entry<String, String> small : Map.of("p_numSeeds", "1", "p_numTeachers", "1", "p_trainSize", "200",
        "p_testSize", "100", "p_strongSteps", "20").entrySet()) {
      WebElement input = driver.findElement(By.id(small.getKey()));
      input.clear();
      input.sendKeys(small.getValue());
    }
    for (Map.Entry<String, String> hook : Map.of("SoftVote", SOFT_VOTE, "HardVote", HARD_VOTE).entrySet()) {
      ((JavascriptExecutor) driver).executeScript("document.querySelector('#hook_' + arguments[0])"
          + ".nextElementSibling.CodeMirror.setValue(arguments[1]);", hook.getKey(), hook.getValue());
    }
    driver.findElement(By.cssSelector("#lab-form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlMatches(".*/submissions/\\d+$"));
    new WebDriverWait(driver, Duration.ofMinutes(5))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".verdict")));
    assertThat(driver.findElement(By.cssSelector(".verdict h2")).getText())
        .as(driver.findElement(By.cssSelector(".verdict")).getText()).isEqualTo("Graded");
    // Both hooks ran in the hook host's sandbox and matched the reference on the evaluator's probes: 50 points.
    assertThat(driver.findElement(By.id("final-score")).getText()).matches("(50|100)\\.0 / 100\\.0");
  }

  /** From the dashboard, the demo course's lab whose editor holds the SoftVote hook. */
  private static void openTheW2sLab(WebDriver driver, String base) {
    driver.get(base + "/");
    List<String> labs = driver.findElements(By.cssSelector("a[href*='/labs/']")).stream()
        .map(a -> a.getAttribute("href")).distinct().toList();
    for (String lab : labs) {
      driver.get(lab);
      if (!driver.findElements(By.id("hook_SoftVote")).isEmpty()) {
        return;
      }
    }
    throw new AssertionError("no lab with a SoftVote hook among " + labs);
  }

  private String awaitLog(DeployedProcess app, String line, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(app.alive()).as("the app exited\n" + app.tail()).isTrue();
      String log = app.logText();
      if (log.contains(line)) {
        return log;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("'" + line + "' not logged within " + limit + "\n" + app.tail());
  }

  private static Optional<String> match(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Hard links (the private folder is on the build's file system), so nothing large is copied. */
  private static void link(Path source, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    if (!Files.isDirectory(source)) {
      Files.createLink(target, source);
      return;
    }
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.createLink(to, file);
        }
      }
    }
  }
}
