package org.ethoslab.labs.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.L2Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * AdamW training of a {@link LanguageModel} on chat examples: random minibatches (seeded), masked next-token
 * cross-entropy averaged over the scored tokens (the response plus EOS, or everything when the prompt is empty).
 */
final class LmTrainer {
  private final LanguageModel lm;
  private final LmTrainingSettings settings;

  LmTrainer(LanguageModel lm, LmTrainingSettings settings) {
    this.lm = lm;
    this.settings = settings;
  }

  TrainingReport train(List<ChatExample> data, TrainingListener listener) {
    if (data.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    long start = System.currentTimeMillis();
    List<int[]> seqs = new ArrayList<>(data.size());
    int[] scoredFrom = new int[data.size()];
    WordTokenizer tok = lm.tokenizer();
    for (int i = 0; i < data.size(); i++) {
      int[] prompt = tok.encode(data.get(i).prompt());
      int[] response = tok.encode(data.get(i).response());
      int[] seq = new int[prompt.length + response.length + 2];
      seq[0] = WordTokenizer.BOS;
      System.arraycopy(prompt, 0, seq, 1, prompt.length);
      System.arraycopy(response, 0, seq, 1 + prompt.length, response.length);
      seq[seq.length - 1] = WordTokenizer.EOS;
      seqs.add(seq);
      scoredFrom[i] = prompt.length == 0 ? 1 : 1 + prompt.length;
    }
    float lr = (float) settings.learningRate();
    Tracker schedule = Tracker.cosine().setBaseValue(lr).optFinalValue(lr / 10).setMaxUpdates(settings.steps())
        .build();
    Optimizer adamW = Optimizer.adamW().optLearningRateTracker(schedule)
        .optWeightDecays((float) settings.weightDecay()).optEpsilon((float) settings.epsilon())
        .optClipGrad((float) settings.clipGrad()).build();
    // The loss is computed here; the config's loss is required by DJL but never evaluated.
    DefaultTrainingConfig config = new DefaultTrainingConfig(new L2Loss()).optOptimizer(adamW);
    SplittableRandom rng = new SplittableRandom(settings.seed());
    double first = Double.NaN;
    double last = Double.NaN;
    int context = lm.architecture().context();
    int skipped = 0;
    freeze(true);
    try (Trainer trainer = lm.model().newTrainer(config)) {
      trainer.initialize(new Shape(1, context));
      for (int step = 0; step < settings.steps(); step++) {
        List<int[]> batch = new ArrayList<>(settings.batchSize());
        int[] from = new int[settings.batchSize()];
        for (int b = 0; b < settings.batchSize(); b++) {
          int pick = rng.nextInt(seqs.size());
          batch.add(seqs.get(pick));
          from[b] = scoredFrom[pick];
        }
        TokenBatch tb = TokenBatch.of(batch, from, context);
        try (NDManager scope = trainer.getManager().newSubManager(); NDScope arrays = new NDScope()) {
          arrays.suppressNotUsedWarning();
          NDArray mask = tb.mask(scope);
          try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(new NDList(tb.inputs(scope))).singletonOrThrow();
            NDArray lp = TokenBatch.targetLogProbs(logits, tb.targets(scope));
            NDArray loss = lp.mul(mask).sum().neg().div(mask.sum().maximum(1f));
            gc.backward(loss);
            last = loss.getFloat();
          }
        }
        if (!Double.isFinite(last)) {
          throw new IllegalStateException("training diverged at step " + (step + 1) + " (loss " + last
              + "); lower the learning rate");
        }
        if (gradientsFinite()) {
          trainer.step();
        } else {
          // A rare non-finite gradient (seen in the first layer's attention) would poison the weights
          // for good: drop this minibatch's update, as mixed-precision trainers skip overflowing steps.
          zeroGradients();
          if (++skipped > settings.steps() / 10) {
            throw new IllegalStateException("training diverged: " + skipped + " of " + (step + 1)
                + " steps had non-finite gradients; lower the learning rate");
          }
        }
        if (step == 0) {
          first = last;
        }
        listener.onStep(step + 1, settings.steps(), last);
      }
    } finally {
      freeze(false);
    }
    return new TrainingReport(settings.steps(), skipped, first, last, System.currentTimeMillis() - start);
  }

  /** Holds (or releases) the settings' frozen parameters; a name the model lacks is an error, not a no-op. */
  private void freeze(boolean hold) {
    Set<String> names = new LinkedHashSet<>(lm.block().getParameters().keys());
    settings.frozen().stream().filter(f -> !names.contains(f)).findFirst().ifPresent(f -> {
      throw new IllegalArgumentException("cannot freeze parameter " + f + ": the model has no parameter of that"
          + " name (it has " + names + ")");
    });
    for (var p : lm.block().getParameters()) {
      if (settings.frozen().contains(p.getKey())) {
        p.getValue().freeze(hold);
      }
    }
  }

  /** One scalar per parameter, stacked and summed: NaN or ±inf anywhere shows up in the total. */
  private boolean gradientsFinite() {
    try (NDScope arrays = new NDScope()) {
      arrays.suppressNotUsedWarning();
      NDList sums = new NDList();
      for (var p : lm.block().getParameters()) {
        if (!p.getValue().requiresGradient()) {
          continue;
        }
        sums.add(p.getValue().getArray().getGradient().sum());
      }
      return Float.isFinite(NDArrays.stack(sums).sum().getFloat());
    }
  }

  private void zeroGradients() {
    try (NDScope arrays = new NDScope()) {
      arrays.suppressNotUsedWarning();
      for (var p : lm.block().getParameters()) {
        if (!p.getValue().requiresGradient()) {
          continue;
        }
        // An in-place fill: set(Buffer) would make the tensor borrow a buffer owned by this short-lived
        // wrapper, which the scope frees while the gradient still points into it.
        p.getValue().getArray().getGradient().set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
      }
    }
  }
}
