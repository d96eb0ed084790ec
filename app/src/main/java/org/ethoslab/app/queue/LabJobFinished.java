package org.ethoslab.app.queue;

import org.ethoslab.contract.runner.Outcome;

/**
 * Published once, inside the transaction in which a job reached its final state. Grading listens with
 * {@code @TransactionalEventListener} so a rolled-back completion grades nothing and a repeated one is never seen.
 *
 * @param jobId          the job
 * @param outcome        how it ended
 * @param costsAttempt   true when the student caused the failure (an infrastructure error or cancel costs nothing)
 */
public record LabJobFinished(long jobId, Outcome outcome, boolean costsAttempt) {
}
