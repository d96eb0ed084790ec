package org.ethoslab.labs.lm;

/**
 * What one training run did: steps, how many of them were skipped for a non-finite gradient, the first and last
 * minibatch losses (mean over scored tokens) and wall time.
 */
public record TrainingReport(int steps, int skippedSteps, double firstLoss, double lastLoss, long millis) {
}
