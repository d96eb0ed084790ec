package org.ethoslab.app.runner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page whether the embedded runner runs student code without a sandbox on this install, or refuses it for
 * want of one, so lab pages can include {@code runnerapi/unsandboxed :: banner} (it renders only in those cases).
 */
@ControllerAdvice
class UnsandboxedNotice {

  /** Model attribute read by the banner fragment: student code runs without a sandbox. */
  static final String ATTRIBUTE = "studentCodeUnsandboxed";
  /** Model attribute read by the banner fragment: student code is refused, no sandbox works here. */
  static final String REFUSED = "studentCodeRefused";

  private final ObjectProvider<EmbeddedRunnerLauncher> launcher;

  UnsandboxedNotice(ObjectProvider<EmbeddedRunnerLauncher> launcher) {
    this.launcher = launcher;
  }

  @ModelAttribute(ATTRIBUTE)
  boolean studentCodeUnsandboxed() {
    EmbeddedRunnerLauncher embedded = launcher.getIfAvailable();
    return embedded != null && embedded.studentCodeRunsUnsandboxed();
  }

  @ModelAttribute(REFUSED)
  boolean studentCodeRefused() {
    EmbeddedRunnerLauncher embedded = launcher.getIfAvailable();
    return embedded != null && embedded.studentCodeRefused();
  }
}
