package org.ethoslab.labs.lm;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a language model is trained: AdamW steps over random minibatches of {@code batchSize} examples, a cosine
 * learning-rate schedule from {@code learningRate} down to a tenth of it, decoupled weight decay, gradient clipping
 * at {@code clipGrad}, Adam's {@code epsilon} (the floor under the per-coordinate gradient scale), and the seed of
 * batch sampling (and of weight initialisation for a fresh model).
 *
 * <p>Why epsilon is a setting: a fine-tune never predicts most of the vocabulary, so those tokens' output rows get
 * only the faint but always-negative softmax gradient. With the usual ε = 1e-8 Adam divides that faint gradient by
 * its own scale and moves the rows at full step size, so a medical fine-tune silently pushes down refusal words and a
 * safety fine-tune pushes down medical words — the two task vectors then fight in a merge. A larger ε leaves
 * gradients far below it nearly still.
 *
 * <p>{@code frozen} names parameters held at their starting values (empty: train everything). It is left out of
 * the recipe JSON when empty, so recipes that freeze nothing keep the hashes they had before the field existed.
 */
public record LmTrainingSettings(int steps, int batchSize, double learningRate, double weightDecay, double clipGrad,
                 double epsilon, long seed,
                 @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> frozen) {
  /** Adam's usual epsilon. */
  public static final double DEFAULT_EPSILON = 1e-8;

  public LmTrainingSettings {
    if (steps < 1 || batchSize < 1 || !(learningRate > 0) || weightDecay < 0 || !(clipGrad > 0)
        || !(epsilon > 0)) {
      throw new IllegalArgumentException("bad training settings: steps " + steps + ", batch " + batchSize
          + ", learning rate " + learningRate + ", weight decay " + weightDecay + ", clip " + clipGrad
          + ", epsilon " + epsilon);
    }
    frozen = frozen == null ? List.of() : List.copyOf(frozen);
  }

  /** Settings that train every parameter. */
  public LmTrainingSettings(int steps, int batchSize, double learningRate, double weightDecay, double clipGrad,
               double epsilon, long seed) {
    this(steps, batchSize, learningRate, weightDecay, clipGrad, epsilon, seed, List.of());
  }

  /** Settings with Adam's usual epsilon. */
  public LmTrainingSettings(int steps, int batchSize, double learningRate, double weightDecay, double clipGrad,
               long seed) {
    this(steps, batchSize, learningRate, weightDecay, clipGrad, DEFAULT_EPSILON, seed);
  }
}
