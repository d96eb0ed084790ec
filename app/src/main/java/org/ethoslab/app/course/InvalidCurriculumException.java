package org.ethoslab.app.course;

import org.ethoslab.curriculum.CurriculumException;

/** Stops the application start because curriculum files are invalid; the message lists each file:line problem. */
public class InvalidCurriculumException extends RuntimeException {

  public InvalidCurriculumException(CurriculumException cause) {
    super("The curriculum files are invalid, nothing was imported. Fix these problems and start again:\n"
        + cause.getMessage(), cause);
  }
}
