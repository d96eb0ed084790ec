package org.ethoslab.labs.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TinyGptTests {

  private static TinyGpt small() {
    return TinyGpt.builder().setVocab(32).setContext(16).optDim(32).optLayers(2).optHeads(4).build();
  }

  @Test
  void producesLogitsPerPositionAndIsCausal() {
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      Engine.getEngine("PyTorch").setRandomSeed(1);
      TinyGpt gpt = small();
      gpt.initialize(manager, DataType.FLOAT32, new Shape(1, 8));
      ParameterStore ps = new ParameterStore(manager, false);
      NDArray a = manager.create(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(1, 8));
      NDArray b = manager.create(new int[] {1, 2, 3, 4, 9, 9, 9, 9}, new Shape(1, 8));
      NDArray la = gpt.forward(ps, new NDList(a), false).singletonOrThrow();
      NDArray lb = gpt.forward(ps, new NDList(b), false).singletonOrThrow();
      assertThat(la.getShape()).isEqualTo(new Shape(1, 8, 32));
      // changing tokens 5..8 must not change the logits at positions 1..4
      assertThat(la.get(":, 0:4, :").allClose(lb.get(":, 0:4, :"), 1e-5, 1e-6, false)).isTrue();
      assertThat(la.get(":, 4:, :").allClose(lb.get(":, 4:, :"), 1e-5, 1e-6, false)).isFalse();
      assertThat(gpt.getParameters().keys()).contains("token_embedding", "position_embedding")
          .anyMatch(name -> name.contains("layer1") && name.contains("qkv"));
    }
  }

  @Test
  void learnsARepeatingSequence() {
    try (Model model = Model.newInstance("tiny-gpt", Device.cpu(), "PyTorch")) {
      Engine.getEngine("PyTorch").setRandomSeed(3);
      model.setBlock(small());
      Loss loss = Loss.softmaxCrossEntropyLoss();
      DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(
          Optimizer.adamW().optLearningRateTracker(Tracker.fixed(0.01f)).build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(4, 12));
        NDManager m = trainer.getManager();
        int[] seq = new int[4 * 13];
        for (int i = 0; i < seq.length; i++) {
          seq[i] = (i % 13) % 5 + 1;
        }
        NDArray all = m.create(seq, new Shape(4, 13));
        NDArray x = all.get(":, 0:12");
        NDArray y = all.get(":, 1:13");
        float first = 0;
        float last = 0;
        for (int step = 0; step < 40; step++) {
          try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
            NDArray l = loss.evaluate(new NDList(y.reshape(-1)), new NDList(logits.reshape(-1, 32)));
            gc.backward(l);
            if (step == 0) {
              first = l.getFloat();
            }
            last = l.getFloat();
          }
          trainer.step();
        }
        assertThat(first).isGreaterThan(2.5f);
        assertThat(last).isLessThan(first / 3);
      }
    }
  }

  /**
   * The gradients of one training step do not depend on what happens to native memory between forward and
   * backward. Autograd keeps the attention's scale for the backward pass; when that scale was a scalar DJL closes
   * right after the division, a garbage collection plus fresh direct buffers in between reused its memory, and
   * q's and k's gradients came out wrong or non-finite.
   */
  @Test
  void gradientsSurviveAGarbageCollectionBetweenForwardAndBackward() throws Exception {
    try (Model model = Model.newInstance("tiny-gpt", Device.cpu(), "PyTorch")) {
      Engine.getEngine("PyTorch").setRandomSeed(5);
      model.setBlock(small());
      try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
        trainer.initialize(new Shape(2, 16));
        float[][] quiet = gradients(trainer, false);
        float[][] churned = gradients(trainer, true);
        for (int p = 0; p < quiet.length; p++) {
          for (float g : churned[p]) {
            assertThat(Float.isFinite(g)).as("parameter %d", p).isTrue();
          }
          assertThat(churned[p]).as("parameter %d", p).containsExactly(quiet[p]);
        }
      }
    }
  }

  /** One forward and backward pass; with {@code churn}, collections and direct-buffer traffic in between. */
  private static float[][] gradients(Trainer trainer, boolean churn) throws InterruptedException {
    List<ByteBuffer> held = new ArrayList<>();
    try (NDManager scope = trainer.getManager().newSubManager();
       GradientCollector gc = trainer.newGradientCollector()) {
      int[] tokens = new int[2 * 16];
      for (int i = 0; i < tokens.length; i++) {
        tokens[i] = (i * 7) % 31 + 1;
      }
      NDArray logits = trainer.forward(new NDList(scope.create(tokens, new Shape(2, 16)))).singletonOrThrow();
      NDArray loss = logits.logSoftmax(-1).get(":, :, 3").sum().neg();
      if (churn) {
        for (int round = 0; round < 20; round++) {
          System.gc();
          Thread.sleep(5);
          for (int i = 0; i < 2000; i++) {
            held.add(ByteBuffer.allocateDirect(8));
          }
        }
      }
      gc.backward(loss);
    }
    List<float[]> out = new ArrayList<>();
    for (var p : trainer.getModel().getBlock().getParameters()) {
      NDArray grad = p.getValue().getArray().getGradient();
      out.add(grad.toFloatArray());
      grad.subi(grad);
    }
    // Also keeps the buffers reachable until backward has run, so they occupy the memory a freed scalar left.
    assertThat(held.size()).isEqualTo(churn ? 40_000 : 0);
    return out.toArray(new float[0][]);
  }
}
