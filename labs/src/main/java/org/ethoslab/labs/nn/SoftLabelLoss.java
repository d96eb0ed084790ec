package org.ethoslab.labs.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * Cross-entropy against soft targets (class probabilities), mean over the batch, with the optional auxiliary
 * confidence loss of Burns et al. 2023 ("Weak-to-strong generalization", openai/weak-to-strong {@code logconf}):
 * the strong model's own predictions are hardened at an adaptive threshold — the quantile of its class-0
 * probability at the weak labels' class-0 share in the batch — and mixed into the target with weight α, which ramps
 * linearly from 0 to {@code alphaMax} over the warm-up steps.
 */
public final class SoftLabelLoss extends Loss {
  private final double alphaMax;
  private final int warmupSteps;
  private int step;

  public SoftLabelLoss(double alphaMax, int warmupSteps) {
    super("soft-xent");
    this.alphaMax = alphaMax;
    this.warmupSteps = warmupSteps;
  }

  /** Tells the loss which optimisation step comes next (for the α ramp). */
  public void setStep(int step) {
    this.step = step;
  }

  /** α at the current step: {@code alphaMax · min(1, step / warmupSteps)}. */
  public double alpha() {
    if (alphaMax == 0) {
      return 0;
    }
    return warmupSteps <= 0 ? alphaMax : alphaMax * Math.min(1.0, (double) step / warmupSteps);
  }

  /** Sum over models of {@link #perModel}: each model's mean loss. */
  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    return perModel(labels.singletonOrThrow(), predictions.singletonOrThrow()).sum();
  }

  /** Mean soft cross-entropy per model for targets and logits of shape (M, N, C); returns shape (M). */
  public NDArray perModel(NDArray target, NDArray logits) {
    NDArray logp = logits.logSoftmax(2);
    double alpha = alpha();
    if (alpha > 0) {
      target = target.mul(1 - alpha).add(hardened(logp.exp().stopGradient(), target).mul(alpha));
    }
    return target.mul(logp).sum(new int[] {2}).neg().mean(new int[] {1});
  }

  /**
   * Per model: one-hot of (p0 ≥ t ? class 0 : class 1), t the quantile of the model's p0 over the batch at the
   * weak labels' class-0 share. Binary tasks only, as in the reference implementation.
   */
  static NDArray hardened(NDArray probs, NDArray weakTargets) {
    Shape shape = probs.getShape();
    int m = (int) shape.get(0);
    int n = (int) shape.get(1);
    int c = (int) shape.get(2);
    float[] p = probs.toFloatArray();
    float[] w = weakTargets.toFloatArray();
    float[] hard = new float[p.length];
    for (int k = 0; k < m; k++) {
      float[] p0 = new float[n];
      double prior = 0;
      for (int i = 0; i < n; i++) {
        p0[i] = p[(k * n + i) * c];
        prior += w[(k * n + i) * c];
      }
      double threshold = quantile(p0, prior / n);
      for (int i = 0; i < n; i++) {
        hard[(k * n + i) * c + (p0[i] >= threshold ? 0 : 1)] = 1f;
      }
    }
    return probs.getManager().create(hard, shape);
  }

  /** Linear-interpolation quantile (as {@code torch.quantile}) of {@code values} at {@code q} in [0, 1]. */
  static double quantile(float[] values, double q) {
    float[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
