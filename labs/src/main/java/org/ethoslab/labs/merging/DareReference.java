package org.ethoslab.labs.merging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ethoslab.hooks.ParameterTree;
import org.ethoslab.hooks.merging.MergeMethod;
import org.ethoslab.hooks.merging.MergeSettings;

/**
 * DARE, "drop and rescale" (Yu et al. 2024, "Language Models are Super Mario"): each entry of each τ_i is kept with
 * probability p = density ({@link MergeSettings#keepMask}) and kept entries are rescaled by 1/p, so the expected
 * task vector is unchanged. Then either linearly θ = θ_base + λ·Σ w_i·τ̃_i, or with {@code dareTies} TIES' sign
 * election and disjoint mean (no magnitude trim) and θ = θ_base + λ·δ. Density must be in (0, 1].
 */
public final class DareReference implements MergeMethod {
  @Override
  public ParameterTree merge(ParameterTree base, List<ParameterTree> models, MergeSettings s) {
    TaskVectors.requireLayout(base, models, 1, Integer.MAX_VALUE);
    if (!(s.density() > 0 && s.density() <= 1)) {
      throw new IllegalArgumentException("DARE density must be in (0, 1], got " + s.density());
    }
    Map<String, double[]> deltas = new LinkedHashMap<>();
    for (String name : base.names()) {
      double[][] taus = new double[models.size()][];
      for (int i = 0; i < models.size(); i++) {
        double[] tau = TaskVectors.delta(base, models.get(i), name);
        boolean[] keep = s.keepMask(i, name, tau.length);
        for (int j = 0; j < tau.length; j++) {
          tau[j] = keep[j] ? tau[j] / s.density() : 0;
        }
        taus[i] = tau;
      }
      double[] mixed;
      if (s.dareTies()) {
        mixed = TiesReference.electAndMean(taus, s);
      } else {
        mixed = new double[taus[0].length];
        for (int i = 0; i < taus.length; i++) {
          for (int j = 0; j < mixed.length; j++) {
            mixed[j] += s.weight(i) * taus[i][j];
          }
        }
      }
      for (int j = 0; j < mixed.length; j++) {
        mixed[j] *= s.lambda();
      }
      deltas.put(name, mixed);
    }
    return TaskVectors.addToBase(base, deltas);
  }
}
