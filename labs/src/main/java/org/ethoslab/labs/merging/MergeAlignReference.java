package org.ethoslab.labs.merging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ethoslab.hooks.ParameterTree;
import org.ethoslab.hooks.merging.MergeMethod;
import org.ethoslab.hooks.merging.MergeSettings;

/**
 * MergeAlign (Thakkar et al. 2024, arXiv 2411.06824): θ = θ_base + α·τ_D + (1 − α)·τ_A, with the domain vector
 * τ_D = θ_D − θ_base and the alignment vector τ_A = θ_A − θ_base. Exactly two models: domain, then aligned.
 */
public final class MergeAlignReference implements MergeMethod {
  @Override
  public ParameterTree merge(ParameterTree base, List<ParameterTree> models, MergeSettings s) {
    TaskVectors.requireLayout(base, models, 2, 2);
    Map<String, double[]> deltas = new LinkedHashMap<>();
    for (String name : base.names()) {
      double[] d = TaskVectors.delta(base, models.get(0), name);
      double[] a = TaskVectors.delta(base, models.get(1), name);
      for (int j = 0; j < d.length; j++) {
        d[j] = s.alpha() * d[j] + (1 - s.alpha()) * a[j];
      }
      deltas.put(name, d);
    }
    return TaskVectors.addToBase(base, deltas);
  }
}
