package org.ethoslab.labs.merging;

import java.util.List;
import org.ethoslab.hooks.merging.MergeSettings;
import org.ethoslab.labs.core.Params;

/**
 * A job's validated parameters: which merge the student chooses and its settings, the model set, the sweep and the
 * evaluation sizes.
 */
record MergeAlignConfig(String method, double alpha, double lambda, double density, double t, double weightDomain,
            double weightAligned, int sweepPoints, int evalQuestions, int evalPrompts, String models) {

  static final List<String> METHODS = List.of("mergealign", "task_arithmetic", "ties", "dare_linear", "dare_ties",
      "slerp");

  static MergeAlignConfig from(Params p) {
    return new MergeAlignConfig(p.getString("method"), p.getDouble("alpha"), p.getDouble("lambda"),
        p.getDouble("density"), p.getDouble("t"), p.getDouble("weightDomain"), p.getDouble("weightAligned"),
        p.getInt("sweepPoints"), p.getInt("evalQuestions"), p.getInt("evalPrompts"), p.getString("models"));
  }

  MergeHook hook() {
    return hookOf(method);
  }

  static MergeHook hookOf(String method) {
    return switch (method) {
      case "mergealign" -> MergeHook.MERGE_ALIGN;
      case "task_arithmetic" -> MergeHook.TASK_ARITHMETIC;
      case "ties" -> MergeHook.TIES;
      case "dare_linear", "dare_ties" -> MergeHook.DARE;
      case "slerp" -> MergeHook.SLERP;
      default -> throw new IllegalArgumentException("unknown method " + method);
    };
  }

  /** The settings of the student's chosen merge; {@code seed} drives DARE's drops. */
  MergeSettings settings(long seed) {
    return withKnob(method, knobValue(), seed);
  }

  /** The one knob the sweep varies for {@code method}: α, λ, density or t. */
  static String knob(String method) {
    return switch (method) {
      case "mergealign" -> "alpha";
      case "task_arithmetic" -> "lambda";
      case "ties", "dare_linear", "dare_ties" -> "density";
      case "slerp" -> "t";
      default -> throw new IllegalArgumentException("unknown method " + method);
    };
  }

  double knobValue() {
    return switch (knob(method)) {
      case "alpha" -> alpha;
      case "lambda" -> lambda;
      case "density" -> density;
      default -> t;
    };
  }

  /** The job's settings with the method's knob set to {@code value}. */
  MergeSettings withKnob(String forMethod, double value, long seed) {
    String k = knob(forMethod);
    return new MergeSettings(k.equals("alpha") ? value : alpha, new double[] {weightDomain, weightAligned},
        k.equals("lambda") ? value : lambda, k.equals("density") ? value : density,
        forMethod.equals("dare_ties"), k.equals("t") ? value : t, seed);
  }

  /** {@code n} evenly spaced knob values over the knob's useful range. */
  static double[] sweepValues(String method, int n) {
    double lo;
    double hi;
    switch (knob(method)) {
      case "lambda" -> {
        lo = 0.25;
        hi = 1.25;
      }
      case "density" -> {
        lo = 0.1;
        hi = 1.0;
      }
      default -> {
        lo = 0.0;
        hi = 1.0;
      }
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = n == 1 ? hi : lo + (hi - lo) * i / (n - 1);
    }
    return v;
  }

  ModelSet modelSet() {
    return ModelSet.of(models);
  }
}
