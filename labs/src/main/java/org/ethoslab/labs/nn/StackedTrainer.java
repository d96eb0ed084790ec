package org.ethoslab.labs.nn;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Trains a {@link StackedClassifier} of M models, each on its own rows: features (M, N, D) against soft targets
 * (M, N, C). Full-batch AdamW, so the result depends only on the data and the seed (no batch order); the loss is
 * the sum over models of each model's mean cross-entropy, which gives every model exactly its own gradient.
 */
public final class StackedTrainer {
  private StackedTrainer() {
  }

  /** Receives each model's loss after each step (for curves as metric events). */
  @FunctionalInterface
  public interface LossListener {
    void onStep(int step, float[] lossPerModel);
  }

  /** Trains and returns the models; the caller closes them. */
  public static StackedModels train(String name, StackedClassifier block, float[][][] features,
                   float[][][] targets, TrainingSettings settings, Device device,
                   LossListener listener) {
    int m = features.length;
    int n = features[0].length;
    int dim = features[0][0].length;
    int classes = targets[0][0].length;
    if (m != block.models() || targets.length != m) {
      throw new IllegalArgumentException("expected " + block.models() + " feature and target stacks");
    }
    Model model = Model.newInstance(name, device, "PyTorch");
    model.setBlock(block);
    Engine.getEngine("PyTorch").setRandomSeed((int) (settings.seed() & 0x7fffffff));
    block.initialize(model.getNDManager(), dim);
    SoftLabelLoss loss = new SoftLabelLoss(settings.auxAlpha(),
        (int) Math.round(settings.warmupFraction() * settings.steps()));
    Optimizer optimizer = Optimizer.adamW()
        .optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
        .optWeightDecays((float) settings.weightDecay()).build();
    DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(optimizer)
        .optDevices(new Device[] {device});
    try (Trainer trainer = model.newTrainer(config)) {
      // The block is already initialised with its own seeded initialisers; this sets up the trainer's
      // parameter store and gradients without re-drawing the weights.
      trainer.initialize(new Shape(m, n, dim));
      NDManager manager = trainer.getManager();
      NDArray x = manager.create(Arrays3.flatten(features), new Shape(m, n, dim));
      NDArray y = manager.create(Arrays3.flatten(targets), new Shape(m, n, classes));
      for (int step = 0; step < settings.steps(); step++) {
        try (NDManager stepScope = manager.newSubManager()) {
          loss.setStep(step);
          try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
            NDArray perModel = loss.perModel(y, logits);
            gc.backward(perModel.sum());
            if (listener != null) {
              listener.onStep(step, perModel.toFloatArray());
            }
            logits.attach(stepScope);
            perModel.attach(stepScope);
          }
          update(block, optimizer);
        }
      }
      x.close();
      y.close();
    }
    return new StackedModels(model, block, dim, classes);
  }

  /**
   * One optimiser step over the block's parameters, then clears their gradients. Done here rather than with
   * {@code Trainer.step()}, whose first-step sanity check rejects a signed gradient sum of exactly zero — which
   * softmax cross-entropy produces for a linear head, since each example's logit gradients sum to zero.
   */
  private static void update(StackedClassifier block, Optimizer optimizer) {
    for (var entry : block.getParameters()) {
      NDArray weight = entry.getValue().getArray();
      NDArray grad = weight.getGradient();
      optimizer.update(entry.getValue().getId(), weight, grad);
      grad.muli(0);
      grad.close();
    }
  }
}
