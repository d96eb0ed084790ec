package org.ethoslab.app.runner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page whether student code runs without a sandbox on this install, so lab pages can include
 * {@code runnerapi/unsandboxed :: banner} (it renders only then).
 */
@ControllerAdvice
class UnsandboxedNotice {

  /** Model attribute read by the banner fragment. */
  static final String ATTRIBUTE = "studentCodeUnsandboxed";

  private final ObjectProvider<EmbeddedRunnerLauncher> launcher;

  UnsandboxedNotice(ObjectProvider<EmbeddedRunnerLauncher> launcher) {
    this.launcher = launcher;
  }

  @ModelAttribute(ATTRIBUTE)
  boolean studentCodeUnsandboxed() {
    EmbeddedRunnerLauncher embedded = launcher.getIfAvailable();
    return embedded != null && embedded.studentCodeRunsUnsandboxed();
  }
}
