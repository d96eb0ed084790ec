package org.ethoslab.labs.bench;

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
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ethoslab.labs.data.SafetyRequestGenerator;
import org.ethoslab.labs.data.TextExample;
import org.ethoslab.labs.nn.TinyGpt;

/**
 * Training throughput of the tiny GPT (2 layers, width 128, 4 heads, byte vocabulary, context 64, batch 16, AdamW)
 * on bytes of generated request text: tokens per second over timed steps after a short warm-up.
 */
final class TinyGptThroughput {
  private static final int CONTEXT = 64;
  private static final int BATCH = 16;
  private static final int WARMUP = 5;
  private static final int STEPS = 40;

  private TinyGptThroughput() {
  }

  static void measure(PrintStream out) {
    StringBuilder corpus = new StringBuilder();
    for (TextExample e : new SafetyRequestGenerator().generate(400, new SplittableRandom(1))) {
      corpus.append(e.text()).append('\n');
    }
    byte[] bytes = corpus.toString().getBytes(StandardCharsets.UTF_8);
    SplittableRandom rng = new SplittableRandom(2);
    try (Model model = Model.newInstance("tiny-gpt", Device.cpu(), "PyTorch")) {
      Engine.getEngine("PyTorch").setRandomSeed(1);
      TinyGpt gpt = TinyGpt.builder().setVocab(256).setContext(CONTEXT).optDim(128).optLayers(2).optHeads(4)
          .build();
      model.setBlock(gpt);
      Loss loss = Loss.softmaxCrossEntropyLoss();
      DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
          .optOptimizer(Optimizer.adamW().optLearningRateTracker(Tracker.fixed(3e-3f)).build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(BATCH, CONTEXT));
        long params = gpt.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
        long start = 0;
        float lossValue = 0;
        for (int step = 0; step < WARMUP + STEPS; step++) {
          if (step == WARMUP) {
            start = System.nanoTime();
          }
          try (NDManager scope = trainer.getManager().newSubManager()) {
            int[] x = new int[BATCH * CONTEXT];
            int[] y = new int[BATCH * CONTEXT];
            for (int b = 0; b < BATCH; b++) {
              int off = rng.nextInt(bytes.length - CONTEXT - 1);
              for (int t = 0; t < CONTEXT; t++) {
                x[b * CONTEXT + t] = bytes[off + t] & 0xff;
                y[b * CONTEXT + t] = bytes[off + t + 1] & 0xff;
              }
            }
            NDArray input = scope.create(x, new Shape(BATCH, CONTEXT));
            NDArray labels = scope.create(y, new Shape(BATCH * CONTEXT));
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
              NDArray l = loss.evaluate(new NDList(labels), new NDList(logits.reshape(-1, 256)));
              gc.backward(l);
              lossValue = l.getFloat();
            }
            trainer.step();
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "tiny GPT (%d parameters, batch %d x context %d): %.1f steps/s, %.0f tokens/s,"
            + " loss after %d steps %.2f%n", params, BATCH, CONTEXT, STEPS / seconds,
            STEPS * BATCH * CONTEXT / seconds, WARMUP + STEPS, lossValue);
      }
    }
  }
}
