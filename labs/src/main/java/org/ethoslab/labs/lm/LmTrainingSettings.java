package org.ethoslab.labs.lm;

/**
 * How a language model is trained: AdamW steps over random minibatches of {@code batchSize} examples, a cosine
 * learning-rate schedule from {@code learningRate} down to a tenth of it, decoupled weight decay, gradient clipping
 * at {@code clipGrad}, and the seed of batch sampling (and of weight initialisation for a fresh model).
 */
public record LmTrainingSettings(int steps, int batchSize, double learningRate, double weightDecay, double clipGrad,
                                 long seed) {
    public LmTrainingSettings {
        if (steps < 1 || batchSize < 1 || !(learningRate > 0) || weightDecay < 0 || !(clipGrad > 0)) {
            throw new IllegalArgumentException("bad training settings: steps " + steps + ", batch " + batchSize
                    + ", learning rate " + learningRate + ", weight decay " + weightDecay + ", clip " + clipGrad);
        }
    }
}
