package org.ethoslab.app.runner;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The runner the app starts inside itself ({@code ethoslab.runner.embedded.*}).
 *
 * @param enabled   false to run only standalone runners (tests of the queue act as runners themselves)
 * @param name      its name on the fleet page
 * @param slots     jobs at once
 * @param labsHome  directory with {@code labs.jar} and its {@code lib/}, relative to the working directory
 * @param workDir   the runner's job directories and canary scratch
 */
@ConfigurationProperties("ethoslab.runner.embedded")
public record EmbeddedRunnerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("embedded") String name,
    @DefaultValue("1") int slots,
    @DefaultValue("labs/target") String labsHome,
    @DefaultValue("data/runner") String workDir) {

  // Plain strings bound, then made paths here: Spring's String-to-Path conversion treats values as resource
  // locations and refuses relative ones such as ../labs/target.

  /** {@link #labsHome()} as a path. */
  public Path labsHomePath() {
    return Path.of(labsHome);
  }

  /** {@link #workDir()} as a path. */
  public Path workDirPath() {
    return Path.of(workDir);
  }
}
