package org.ethoslab.labs.merging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ethoslab.hooks.ParameterTree;
import org.ethoslab.hooks.merging.MergeMethod;
import org.ethoslab.hooks.merging.MergeSettings;

/**
 * Task arithmetic (Ilharco et al. 2023, "Editing Models with Task Arithmetic"): θ = θ_base + λ·Σ_i w_i·τ_i, no
 * normalisation of the weights (as mergekit's {@code task_arithmetic}). One or more models.
 */
public final class TaskArithmeticReference implements MergeMethod {
  @Override
  public ParameterTree merge(ParameterTree base, List<ParameterTree> models, MergeSettings s) {
    TaskVectors.requireLayout(base, models, 1, Integer.MAX_VALUE);
    Map<String, double[]> deltas = new LinkedHashMap<>();
    for (String name : base.names()) {
      double[] sum = new double[base.get(name).numel()];
      for (int i = 0; i < models.size(); i++) {
        double[] tau = TaskVectors.delta(base, models.get(i), name);
        for (int j = 0; j < sum.length; j++) {
          sum[j] += s.weight(i) * tau[j];
        }
      }
      for (int j = 0; j < sum.length; j++) {
        sum[j] *= s.lambda();
      }
      deltas.put(name, sum);
    }
    return TaskVectors.addToBase(base, deltas);
  }
}
