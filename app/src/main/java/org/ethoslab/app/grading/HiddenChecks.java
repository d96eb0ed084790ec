package org.ethoslab.app.grading;

/** When students see the results of rubric checks the instructor marked hidden. */
public enum HiddenChecks {
  /** Shown with every result. */
  ALWAYS,
  /** Shown once the due date has passed. */
  AFTER_DUE
}
