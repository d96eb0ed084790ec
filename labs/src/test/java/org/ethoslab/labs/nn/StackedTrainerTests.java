package org.ethoslab.labs.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StackedTrainerTests {

  /** Two models on opposite rules: model 0 learns "x0 > 0", model 1 learns "x0 < 0". */
  @Test
  void stackedModelsLearnIndependentTasksAndRoundTrip() throws Exception {
    SplittableRandom rng = new SplittableRandom(9);
    int n = 64;
    float[][][] x = new float[2][n][2];
    float[][][] y = new float[2][n][2];
    for (int m = 0; m < 2; m++) {
      for (int i = 0; i < n; i++) {
        x[m][i][0] = (float) (rng.nextDouble() * 2 - 1);
        x[m][i][1] = (float) (rng.nextDouble() * 2 - 1);
        boolean positive = m == 0 ? x[m][i][0] > 0 : x[m][i][0] < 0;
        y[m][i][positive ? 1 : 0] = 1;
      }
    }
    TrainingSettings settings = new TrainingSettings(200, 0.1, 0.0, 0, 0, 11);
    float[][] probe = {{0.8f, 0f}, {-0.8f, 0f}};
    byte[] saved;
    float[][][] before;
    try (StackedModels models = StackedTrainer.train("t", new StackedClassifier(2, 0, 2), x, y, settings,
        Device.cpu(), null)) {
      before = models.predictProba(probe);
      assertThat(before[0][0][1]).isGreaterThan(0.9f);
      assertThat(before[0][1][1]).isLessThan(0.1f);
      assertThat(before[1][0][1]).isLessThan(0.1f);
      assertThat(before[1][1][1]).isGreaterThan(0.9f);
      Map<String, float[]> params = models.parameters();
      assertThat(params).containsOnlyKeys("out_weight", "out_bias");
      assertThat(params.get("out_weight")).hasSize(2 * 2 * 2);
      saved = models.parameterBytes();
    }
    try (StackedModels loaded = StackedModels.load("t", new StackedClassifier(2, 0, 2), 2, 2, saved,
        Device.cpu())) {
      assertThat(loaded.predictProba(probe)).isDeepEqualTo(before);
    }
    try (StackedModels again = StackedTrainer.train("t", new StackedClassifier(2, 0, 2), x, y, settings,
        Device.cpu(), null)) {
      assertThat(again.parameterBytes()).isEqualTo(saved);
    }
  }

  @Test
  void softLabelLossMatchesHandComputedCrossEntropy() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      // logits (0, 0) → p = (½, ½); target (0.25, 0.75): loss = -(0.25 ln ½ + 0.75 ln ½) = ln 2
      NDArray logits = m.create(new float[] {0, 0, 0, 0}, new Shape(2, 1, 2));
      NDArray target = m.create(new float[] {0.25f, 0.75f, 1f, 0f}, new Shape(2, 1, 2));
      float[] perModel = new SoftLabelLoss(0, 0).perModel(target, logits).toFloatArray();
      assertThat((double) perModel[0]).isCloseTo(Math.log(2), within(1e-6));
      assertThat((double) perModel[1]).isCloseTo(Math.log(2), within(1e-6));
    }
  }

  @Test
  void confidenceLossHardensAtTheWeakLabelsClassBalance() {
    assertThat(SoftLabelLoss.quantile(new float[] {0.1f, 0.9f, 0.5f, 0.3f}, 0.5)).isCloseTo(0.4, within(1e-6));
    SoftLabelLoss loss = new SoftLabelLoss(0.5, 10);
    loss.setStep(5);
    assertThat(loss.alpha()).isCloseTo(0.25, within(1e-12));
    loss.setStep(50);
    assertThat(loss.alpha()).isEqualTo(0.5);
    try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      // p0 = 0.9, 0.2, 0.6, 0.4; weak labels half class 0 → t = median(p0) = 0.5
      NDArray probs = m.create(new float[] {0.9f, 0.1f, 0.2f, 0.8f, 0.6f, 0.4f, 0.4f, 0.6f}, new Shape(1, 4, 2));
      NDArray weak = m.create(new float[] {1, 0, 0, 1, 1, 0, 0, 1}, new Shape(1, 4, 2));
      assertThat(SoftLabelLoss.hardened(probs, weak).toFloatArray())
          .containsExactly(1, 0, 0, 1, 1, 0, 0, 1);
    }
  }
}
