package org.ethoslab.app.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.webjars.WebJarVersionLocator;

/**
 * Headless Chromium for browser tests, offline: the driver and browser paths are given explicitly (so Selenium
 * Manager never goes to the network) and every session gets a fresh, throw-away profile directory.
 *
 * <p>Paths default to Debian's {@code /usr/bin/chromedriver} and {@code /usr/bin/chromium}; override with the
 * environment variables {@code ETHOSLAB_CHROMEDRIVER} and {@code ETHOSLAB_CHROMIUM}. When either is missing the
 * calling test is skipped with a message that says what to install (or fails when
 * {@code ETHOSLAB_REQUIRE_REAL_SERVICES=true}). Screenshots go to {@code app/target/screenshots/}.
 */
public final class BrowserSupport implements AutoCloseable {

  /** Where {@link #screenshot(String)} writes, relative to the module directory Maven runs tests in. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static final String INSTALL_HINT = "Chromium or chromedriver not found (%s, %s). Install them "
      + "(Debian: apt-get install chromium chromium-driver) or set ETHOSLAB_CHROMIUM / ETHOSLAB_CHROMEDRIVER.";

  private final ChromeDriver driver;
  private final Path profileDir;

  private BrowserSupport(ChromeDriver driver, Path profileDir) {
    this.driver = driver;
    this.profileDir = profileDir;
  }

  /** True when both the browser and its driver are installed where expected. */
  public static boolean available() {
    return new File(chromedriverPath()).canExecute() && new File(chromiumPath()).canExecute();
  }

  /** Starts a new headless browser session; skips (or in CI fails) the calling test when Chromium is missing. */
  public static BrowserSupport start() {
    RealServices.assumeAvailable(available(), String.format(INSTALL_HINT, chromiumPath(), chromedriverPath()));
    try {
      Path profile = Files.createTempDirectory("ethoslab-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(chromiumPath());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
          "--disable-extensions", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(chromedriverPath()))
          .usingAnyFreePort()
          .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new BrowserSupport(driver, profile);
    }
    catch (IOException ex) {
      throw new IllegalStateException("Could not create a Chromium profile directory: " + ex.getMessage(), ex);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Resizes the window, e.g. to check a phone-sized layout. */
  public void windowSize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  /** Saves a PNG of the current page as {@code target/screenshots/<name>.png} and returns its path. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    }
    catch (IOException ex) {
      throw new IllegalStateException("Could not save screenshot " + name + ": " + ex.getMessage(), ex);
    }
  }

  /**
   * Runs the axe-core accessibility rules (WCAG 2 A and AA, from the {@code org.webjars.npm:axe-core} test
   * dependency) on the current page and returns the serious and critical violations, one line each:
   * {@code rule-id (impact): help — selectors}. An empty list means the page passed.
   */
  public List<String> accessibilityViolations() {
    String axePath = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
    if (axePath == null) {
      throw new IllegalStateException("axe-core webjar not on the test classpath");
    }
    try (InputStream in = BrowserSupport.class.getClassLoader().getResourceAsStream(axePath)) {
      String axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      driver.executeScript(axe);
    }
    catch (IOException ex) {
      throw new IllegalStateException("Could not read " + axePath + ": " + ex.getMessage(), ex);
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    Object result = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
          .then(r => done(r.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' - '
              + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));
        """);
    List<String> violations = new ArrayList<>();
    if (result instanceof List<?> list) {
      list.forEach(v -> violations.add(String.valueOf(v)));
    }
    return violations;
  }

  /** Ends the browser session and deletes its profile directory. */
  @Override
  public void close() {
    try {
      driver.quit();
    }
    finally {
      deleteQuietly(profileDir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    catch (IOException ex) {
      // A leftover temp profile is harmless; the OS temp cleaner removes it.
    }
  }

  private static String chromiumPath() {
    String env = System.getenv("ETHOSLAB_CHROMIUM");
    return env != null ? env : "/usr/bin/chromium";
  }

  private static String chromedriverPath() {
    String env = System.getenv("ETHOSLAB_CHROMEDRIVER");
    return env != null ? env : "/usr/bin/chromedriver";
  }
}
