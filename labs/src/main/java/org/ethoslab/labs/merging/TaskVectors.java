package org.ethoslab.labs.merging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ethoslab.hooks.ParameterTree;

/** What the reference merges share: layout checks, task vectors τ = θ − θ_base per tensor, and result assembly. */
final class TaskVectors {
  private TaskVectors() {
  }

  /** Refuses fewer than {@code min} models or any model whose names or shapes differ from the base's. */
  static void requireLayout(ParameterTree base, List<ParameterTree> models, int min, int max) {
    if (models.size() < min || models.size() > max) {
      throw new IllegalArgumentException("expected " + (min == max ? min : min + " to " + max)
          + " models to merge, got " + models.size());
    }
    for (int i = 0; i < models.size(); i++) {
      base.requireSameLayout(models.get(i), "model " + i);
    }
  }

  /** τ_i for one parameter, in double precision. */
  static double[] delta(ParameterTree base, ParameterTree model, String name) {
    float[] b = base.get(name).values();
    float[] m = model.get(name).values();
    double[] d = new double[b.length];
    for (int j = 0; j < b.length; j++) {
      d[j] = (double) m[j] - b[j];
    }
    return d;
  }

  /** θ_base + {@code merged delta} per parameter, as a new tree in the base's order. */
  static ParameterTree addToBase(ParameterTree base, Map<String, double[]> deltas) {
    Map<String, ParameterTree.Tensor> out = new LinkedHashMap<>();
    for (String name : base.names()) {
      ParameterTree.Tensor b = base.get(name);
      double[] d = deltas.get(name);
      float[] v = new float[b.numel()];
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) (b.values()[j] + d[j]);
      }
      out.put(name, b.withValues(v));
    }
    return new ParameterTree(out);
  }
}
