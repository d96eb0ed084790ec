package org.ethoslab.labs.lm;

/** What one training run did: steps, the first and last minibatch losses (mean over response tokens), wall time. */
public record TrainingReport(int steps, double firstLoss, double lastLoss, long millis) {
}
