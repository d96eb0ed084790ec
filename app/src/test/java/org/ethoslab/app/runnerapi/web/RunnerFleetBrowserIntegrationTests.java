package org.ethoslab.app.runnerapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.ethoslab.app.queue.QueueIntegrationTest;
import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.ethoslab.app.testsupport.BrowserSupport;
import org.ethoslab.contract.runner.RunnerCapabilities;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin in a real browser registers a runner, copies its token once, sees it report in, and revokes it. */
@QueueIntegrationTest
class RunnerFleetBrowserIntegrationTests {

  @LocalServerPort
  int port;
  @Autowired
  RunnerRegistry registry;

  @Test
  void adminRegistersSeesAndRevokesARunner() {
    try (BrowserSupport browser = BrowserSupport.start()) {
      WebDriver driver = browser.driver();
      String base = "http://127.0.0.1:" + port;
      driver.get(base + "/login");
      driver.findElement(By.id("username")).sendKeys("admin@ethoslab.local");
      driver.findElement(By.id("password")).sendKeys("admin-test-password-1");
      WebElement logIn = driver.findElement(By.cssSelector("form button[type=submit]"));
      logIn.click();
      // The click returns before the login POST lands; navigating away now could abort it.
      new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(logIn));

      driver.get(base + "/admin/runners");
      String name = "gpu-node-" + UUID.randomUUID().toString().substring(0, 6);
      driver.findElement(By.id("name")).sendKeys(name);
      driver.findElement(By.xpath("//button[normalize-space()='Register runner']")).click();
      String token = new WebDriverWait(driver, Duration.ofSeconds(15))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("runner-token"))).getText().strip();
      assertThat(token).startsWith("elr_");

      // The runner reports in with a claim, as a GPU node would.
      long id = registry.authenticate(token).orElseThrow().runnerId();
      registry.reportCapabilities(id, new RunnerCapabilities(16, 65536, 2, 24576, List.of("w2s@1", "merging"),
          "FULL", 4, "0.1.0"));
      driver.navigate().refresh();
      assertThat(driver.getPageSource()).doesNotContain(token);
      WebElement row = driver.findElement(By.id("runner-" + id));
      assertThat(row.getText()).contains(name).contains("FULL").contains("16 CPUs").contains("2 × 24");
      browser.screenshot("runner-fleet");

      row.findElement(By.cssSelector("button[type=submit]")).click();
      // The revoke POST redirects back to this page: wait for the old row to go before reading the new one.
      new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(row));
      assertThat(driver.findElement(By.id("runner-" + id)).getText()).contains("revoked");
      assertThat(registry.authenticate(token)).isEmpty();
      browser.windowSize(390, 844);
      browser.screenshot("runner-fleet-phone");
    }
  }
}
