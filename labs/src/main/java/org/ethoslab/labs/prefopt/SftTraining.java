package org.ethoslab.labs.prefopt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.ethoslab.contract.job.Seeds;

/**
 * Supervised fine-tuning of a fresh tiny GPT on the SFT pool: AdamW on the mean cross-entropy of the reply words
 * (prompts are context, not targets), minibatches drawn from the recipe's seed, so a recipe always gives the same
 * model on one machine.
 */
final class SftTraining {
  private SftTraining() {
  }

  /** Trains and returns the SFT model (the caller closes it); {@code onStep} sees each finished step. */
  static PolicyModel train(SftRecipe recipe, Vocabulary vocab, IntConsumer onStep) {
    PolicyModel model = PolicyModel.create("sft", recipe.shape(), vocab, recipe.seed());
    List<ChatData.Example> pool = ChatData.sftPool(recipe.poolSize(), recipe.complianceRate(),
        new SplittableRandom(Seeds.derive(recipe.seed(), "sft-pool")));
    SplittableRandom rng = new SplittableRandom(Seeds.derive(recipe.seed(), "sft-batches"));
    Optimizer optimizer = Optimizer.adamW()
        .optLearningRateTracker(Tracker.fixed((float) recipe.learningRate())).build();
    model.requireGradients();
    for (int step = 0; step < recipe.steps(); step++) {
      List<String> prompts = new ArrayList<>();
      List<String> replies = new ArrayList<>();
      for (int i = 0; i < recipe.batch(); i++) {
        ChatData.Example e = pool.get(rng.nextInt(pool.size()));
        prompts.add(e.prompt());
        replies.add(e.reply());
      }
      Sequences s = Sequences.of(vocab, recipe.shape().context(), prompts, replies);
      try (NDManager scope = model.manager().newSubManager();
         GradientCollector gc = scope.getEngine().newGradientCollector()) {
        NDArray mask = s.mask(scope);
        NDArray logProbs = Sequences.replyLogProbs(model.trainingLogits(scope, s.inputs(scope)),
            s.targets(scope), mask);
        gc.backward(logProbs.sum().neg().div(mask.sum()));
      }
      model.step(optimizer);
      if (onStep != null) {
        onStep.accept(step);
      }
    }
    return model;
  }
}
