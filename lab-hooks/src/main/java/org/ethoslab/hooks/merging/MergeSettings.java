package org.ethoslab.hooks.merging;

import java.util.Arrays;
import org.ethoslab.contract.job.Seeds;

/**
 * The knobs of every merge method; each method reads the ones it needs.
 * <ul>
 *   <li>{@code alpha} — MergeAlign: weight of the domain vector (the alignment vector gets 1 − α);</li>
 *   <li>{@code weights} — task arithmetic, TIES, DARE: w_i per model;</li>
 *   <li>{@code lambda} — task arithmetic, TIES, DARE: scale of the combined task vector;</li>
 *   <li>{@code density} — TIES: share of entries kept per task vector by magnitude; DARE: keep probability p;</li>
 *   <li>{@code dareTies} — DARE: combine the rescaled vectors by TIES sign election instead of linearly;</li>
 *   <li>{@code t} — SLERP: 0 gives the domain expert, 1 the aligned model;</li>
 *   <li>{@code seed} — DARE: seeds {@link #keepMask}, so a hook and the reference drop the same entries.</li>
 * </ul>
 */
public record MergeSettings(double alpha, double[] weights, double lambda, double density, boolean dareTies,
                            double t, long seed) {

  public MergeSettings {
    weights = weights.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** Weight of model {@code i}; 1 when fewer weights than models are given. */
  public double weight(int i) {
    return i < weights.length ? weights[i] : 1.0;
  }

  /**
   * DARE's Bernoulli(p = density) keep decisions for the entries of parameter {@code name} of model {@code model}
   * ({@code n} entries): entry j is kept when u_j &lt; density, with u_j uniform in [0, 1) drawn from a counter-based
   * generator keyed by (seed, model, name, j) — the same in every hook and in the reference.
   */
  public boolean[] keepMask(int model, String name, int n) {
    long key = Seeds.derive(seed, model + "/" + name);
    boolean[] keep = new boolean[n];
    for (int j = 0; j < n; j++) {
      keep[j] = uniform(key, j) < density;
    }
    return keep;
  }

  static double uniform(long key, long index) {
    long z = key + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MergeSettings s && alpha == s.alpha && Arrays.equals(weights, s.weights)
        && lambda == s.lambda && density == s.density && dareTies == s.dareTies && t == s.t && seed == s.seed;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {alpha, lambda, density, t, seed, dareTies ? 1 : 0})
        + 31 * Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "MergeSettings[alpha=" + alpha + ", weights=" + Arrays.toString(weights) + ", lambda=" + lambda
        + ", density=" + density + ", dareTies=" + dareTies + ", t=" + t + ", seed=" + seed + "]";
  }
}
