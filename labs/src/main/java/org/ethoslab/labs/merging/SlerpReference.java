package org.ethoslab.labs.merging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ethoslab.hooks.ParameterTree;
import org.ethoslab.hooks.merging.MergeMethod;
import org.ethoslab.hooks.merging.MergeSettings;

/**
 * Spherical linear interpolation between the two models' weights (Shoemake 1985, as mergekit's {@code slerp}), per
 * tensor: cos = ⟨v0/‖v0‖, v1/‖v1‖⟩ over the flattened tensors (a zero-norm tensor counts as cos = 0); when |cos| &gt;
 * {@link #COLINEAR} the result is the linear (1 − t)·v0 + t·v1; otherwise, with Ω = arccos(cos),
 * θ = sin((1 − t)Ω)/sin Ω · v0 + sin(tΩ)/sin Ω · v1. v0 is the domain expert, v1 the aligned model; the base is only
 * checked for layout.
 */
public final class SlerpReference implements MergeMethod {
  /** mergekit's DOT_THRESHOLD: above this |cos| the tensors are treated as colinear. */
  public static final double COLINEAR = 0.9995;

  @Override
  public ParameterTree merge(ParameterTree base, List<ParameterTree> models, MergeSettings s) {
    TaskVectors.requireLayout(base, models, 2, 2);
    Map<String, ParameterTree.Tensor> out = new LinkedHashMap<>();
    double t = s.t();
    for (String name : base.names()) {
      float[] v0 = models.get(0).get(name).values();
      float[] v1 = models.get(1).get(name).values();
      double dot = 0;
      double n0 = 0;
      double n1 = 0;
      for (int j = 0; j < v0.length; j++) {
        dot += (double) v0[j] * v1[j];
        n0 += (double) v0[j] * v0[j];
        n1 += (double) v1[j] * v1[j];
      }
      double cos = n0 == 0 || n1 == 0 ? 0 : dot / (Math.sqrt(n0) * Math.sqrt(n1));
      double c0;
      double c1;
      if (Math.abs(cos) > COLINEAR) {
        c0 = 1 - t;
        c1 = t;
      } else {
        double omega = Math.acos(cos);
        double sin = Math.sin(omega);
        c0 = Math.sin((1 - t) * omega) / sin;
        c1 = Math.sin(t * omega) / sin;
      }
      float[] v = new float[v0.length];
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) (c0 * v0[j] + c1 * v1[j]);
      }
      out.put(name, base.get(name).withValues(v));
    }
    return new ParameterTree(out);
  }
}
