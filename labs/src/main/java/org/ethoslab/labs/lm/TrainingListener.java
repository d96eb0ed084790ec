package org.ethoslab.labs.lm;

/** Told about training progress: called every step with the minibatch's mean token loss. */
@FunctionalInterface
public interface TrainingListener {
  void onStep(int step, int totalSteps, double loss);

  TrainingListener NONE = (step, total, loss) -> {
  };
}
