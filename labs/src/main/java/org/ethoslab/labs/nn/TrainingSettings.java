package org.ethoslab.labs.nn;

/**
 * How a stack of classifiers is trained: full-batch AdamW steps, learning rate, decoupled weight decay, the
 * auxiliary-confidence weight α ({@code 0} = plain cross-entropy) with its warm-up share of the steps, and the seed of
 * weight initialisation.
 */
public record TrainingSettings(int steps, double learningRate, double weightDecay, double auxAlpha,
                double warmupFraction, long seed) {
}
