package org.ethoslab.labs.prefopt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ethoslab.hooks.prefopt.LossTerms;
import org.ethoslab.hooks.prefopt.PreferenceLoss;
import org.ethoslab.labs.core.Hook;

/**
 * Preference optimisation of a policy initialised from the SFT model. Each step draws a minibatch of pairs,
 * computes log π_θ(y_w|x) and log π_θ(y_l|x) in one forward pass (chosen rows, then rejected rows), forms
 * r = log π_θ − log π_ref with the reference log-probabilities computed once up front without gradient, asks the
 * loss (the student's hook, one round trip per minibatch, or a reference) for L and ∂L/∂r per pair, and back-propagates the surrogate
 * Σ_i (∂L/∂r_w,i · log π_θ(y_w,i|x_i) + ∂L/∂r_l,i · log π_θ(y_l,i|x_i)) / B, whose gradient with respect to θ is
 * exactly that of the mean loss.
 */
final class PreferenceTraining {
  private PreferenceTraining() {
  }

  /** The optimiser's and the loss's hyperparameters. */
  record Settings(double beta, double epsilon, double learningRate, int steps, int batch) {
  }

  /**
   * Batch means per step of r_w, r_l and the loss (what the run phase reports as training curves), and the step at
   * which the policy's log-probabilities stopped being finite ({@code null} when training ran to the end).
   */
  record Curves(List<Double> rw, List<Double> rl, List<Double> loss, Integer divergedAtStep) {
  }

  /** Called after each step with the step's batch means. */
  interface StepListener {
    void onStep(int step, double rw, double rl, double loss);
  }

  /**
   * Trains {@code policy} in place. {@code pairs} holds the chosen rows 0..n−1 and the rejected rows n..2n−1;
   * {@code reference} their log-probabilities under π_ref in the same order.
   */
  static Curves train(PolicyModel policy, Sequences pairs, double[] reference, Hook<PreferenceLoss> loss,
            Settings settings, SplittableRandom rng, StepListener listener) throws IOException {
    int n = pairs.rows / 2;
    int b = settings.batch();
    Optimizer optimizer = Optimizer.adamW()
        .optLearningRateTracker(Tracker.fixed((float) settings.learningRate())).optWeightDecays(0f).build();
    policy.requireGradients();
    List<Double> meanRw = new ArrayList<>();
    List<Double> meanRl = new ArrayList<>();
    List<Double> meanLoss = new ArrayList<>();
    for (int step = 0; step < settings.steps(); step++) {
      int[] rows = new int[2 * b];
      for (int i = 0; i < b; i++) {
        rows[i] = rng.nextInt(n);
        rows[b + i] = rows[i] + n;
      }
      Sequences batch = pairs.select(rows);
      double sumRw = 0;
      double sumRl = 0;
      double sumLoss = 0;
      try (NDManager scope = policy.manager().newSubManager();
         GradientCollector gc = scope.getEngine().newGradientCollector()) {
        NDArray logProbs = Sequences.replyLogProbs(policy.trainingLogits(scope, batch.inputs(scope)),
            batch.targets(scope), batch.mask(scope));
        float[] lp = logProbs.toFloatArray();
        if (!allFinite(lp)) {
          // An objective without a floor (robust DPO pushes r_l down forever) can drive a reply's
          // probability to zero: stop here and report it. (Keeping a copy of the last finite parameters
          // each step was tried: reading parameters back mid-training changed the steps that followed.)
          return new Curves(meanRw, meanRl, meanLoss, step);
        }
        float[] weights = new float[2 * b];
        List<Object[]> calls = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
          calls.add(new Object[] {lp[i] - reference[rows[i]], lp[b + i] - reference[rows[b + i]],
            batch.replyLengths[i], batch.replyLengths[b + i], settings.beta(), settings.epsilon()});
        }
        List<Object> answers = loss.values(calls);
        for (int i = 0; i < b; i++) {
          double rw = (double) calls.get(i)[0];
          double rl = (double) calls.get(i)[1];
          LossTerms t = check((LossTerms) answers.get(i), loss, rw, rl);
          weights[i] = (float) (t.dRw() / b);
          weights[b + i] = (float) (t.dRl() / b);
          sumRw += rw;
          sumRl += rl;
          sumLoss += t.value();
        }
        gc.backward(logProbs.mul(scope.create(weights)).sum());
      }
      policy.step(optimizer);
      meanRw.add(sumRw / b);
      meanRl.add(sumRl / b);
      meanLoss.add(sumLoss / b);
      if (listener != null) {
        listener.onStep(step, sumRw / b, sumRl / b, sumLoss / b);
      }
    }
    return new Curves(meanRw, meanRl, meanLoss, null);
  }

  private static boolean allFinite(float[] values) {
    for (float v : values) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static LossTerms check(LossTerms t, Hook<PreferenceLoss> loss, double rw, double rl) {
    if (t == null || !Double.isFinite(t.value()) || !Double.isFinite(t.dRw()) || !Double.isFinite(t.dRl())) {
      throw loss.unusable("returned " + t + " for r_w=" + rw + ", r_l=" + rl
          + ": the loss and both derivatives must be finite numbers");
    }
    return t;
  }
}
