package org.ethoslab.app.grading;

/** Which of a student's graded submissions counts for the lab item. */
public enum ScorePolicy {
  /** The highest score after late penalties. */
  BEST,
  /** The most recent graded submission. */
  LATEST
}
