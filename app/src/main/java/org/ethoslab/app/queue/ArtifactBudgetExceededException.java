package org.ethoslab.app.queue;

/**
 * An artifact would take its offering past {@code ethoslab.queue.offering-artifact-budget-mb}; nothing was stored. The
 * message is for the student (the runner shows it on the run): their run is graded all the same.
 */
public class ArtifactBudgetExceededException extends RuntimeException {

  public ArtifactBudgetExceededException(long budgetMb) {
    super("This course's storage for run results (" + budgetMb + " MB) is used up; the run is graded, but its files "
        + "are not kept. Ask your instructor.");
  }
}
