package org.ethoslab.labs.merging;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ethoslab.hooks.ParameterTree;
import org.ethoslab.hooks.merging.MergeMethod;
import org.ethoslab.hooks.merging.MergeSettings;

/**
 * TIES-merging (Yadav et al. 2023, "Resolving Interference When Merging Models"), per parameter, as mergekit does:
 * <ol>
 *   <li>trim: keep the k = ⌊density·numel⌋ entries of each τ_i largest in magnitude (ties: lower index first), zero
 *       the rest; density ≥ 1 keeps everything;</li>
 *   <li>elect: γ_j = sign(Σ_i w_i·τ′_ij);</li>
 *   <li>disjoint mean: δ_j = Σ_i m_ij·w_i·τ′_ij / Σ_i m_ij·w_i where m_ij = 1 when τ′_ij ≠ 0 has the sign γ_j
 *       (a zero divisor counts as 1);</li>
 *   <li>θ = θ_base + λ·δ.</li>
 * </ol>
 */
public final class TiesReference implements MergeMethod {
  @Override
  public ParameterTree merge(ParameterTree base, List<ParameterTree> models, MergeSettings s) {
    TaskVectors.requireLayout(base, models, 1, Integer.MAX_VALUE);
    Map<String, double[]> deltas = new LinkedHashMap<>();
    for (String name : base.names()) {
      double[][] taus = new double[models.size()][];
      for (int i = 0; i < models.size(); i++) {
        taus[i] = trim(TaskVectors.delta(base, models.get(i), name), s.density());
      }
      double[] mixed = electAndMean(taus, s);
      for (int j = 0; j < mixed.length; j++) {
        mixed[j] *= s.lambda();
      }
      deltas.put(name, mixed);
    }
    return TaskVectors.addToBase(base, deltas);
  }

  /** A copy of {@code tau} with all but its k = ⌊density·n⌋ largest-magnitude entries set to 0. */
  static double[] trim(double[] tau, double density) {
    if (density >= 1) {
      return tau.clone();
    }
    int n = tau.length;
    int k = (int) Math.floor(density * n);
    double[] out = new double[n];
    if (k <= 0) {
      return out;
    }
    double[] mags = new double[n];
    for (int j = 0; j < n; j++) {
      mags[j] = Math.abs(tau[j]);
    }
    double[] sorted = mags.clone();
    Arrays.sort(sorted);
    double threshold = sorted[n - k];
    int above = 0;
    for (double m : mags) {
      if (m > threshold) {
        above++;
      }
    }
    int atThresholdLeft = k - above;
    for (int j = 0; j < n; j++) {
      if (mags[j] > threshold || mags[j] == threshold && atThresholdLeft-- > 0) {
        out[j] = tau[j];
      }
    }
    return out;
  }

  /** Sign election and disjoint weighted mean over already sparsified task vectors (not yet scaled by λ). */
  static double[] electAndMean(double[][] taus, MergeSettings s) {
    int n = taus[0].length;
    double[] out = new double[n];
    for (int j = 0; j < n; j++) {
      double total = 0;
      for (int i = 0; i < taus.length; i++) {
        total += s.weight(i) * taus[i][j];
      }
      double sign = Math.signum(total);
      double num = 0;
      double den = 0;
      for (int i = 0; i < taus.length; i++) {
        double v = taus[i][j];
        if (v != 0 && Math.signum(v) == sign) {
          num += s.weight(i) * v;
          den += s.weight(i);
        }
      }
      out[j] = num / (den == 0 ? 1 : den);
    }
    return out;
  }

  /**
   * Sign-conflict share after trimming: among entries where at least two trimmed task vectors are non-zero, the
   * share where their signs disagree. NaN when there are no such entries.
   */
  public static double signConflictShare(ParameterTree base, List<ParameterTree> models, double density) {
    TaskVectors.requireLayout(base, models, 2, Integer.MAX_VALUE);
    long overlap = 0;
    long conflict = 0;
    for (String name : base.names()) {
      double[][] taus = new double[models.size()][];
      for (int i = 0; i < models.size(); i++) {
        taus[i] = trim(TaskVectors.delta(base, models.get(i), name), density);
      }
      for (int j = 0; j < taus[0].length; j++) {
        int pos = 0;
        int neg = 0;
        for (double[] tau : taus) {
          if (tau[j] > 0) {
            pos++;
          } else if (tau[j] < 0) {
            neg++;
          }
        }
        if (pos + neg >= 2) {
          overlap++;
          if (pos > 0 && neg > 0) {
            conflict++;
          }
        }
      }
    }
    return overlap == 0 ? Double.NaN : (double) conflict / overlap;
  }
}
