package org.ethoslab.app.system;

import org.ethoslab.app.course.InvalidCurriculumException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a failed start caused by bad curriculum files as a short report listing each file:line problem. */
class InvalidCurriculumFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCurriculumException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidCurriculumException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Correct the curriculum files listed above (or unset ETHOSLAB_CURRICULUM_DIRECTORY) and start again.", cause);
  }
}
