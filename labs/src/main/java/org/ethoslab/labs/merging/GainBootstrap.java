package org.ethoslab.labs.merging;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ethoslab.labs.eval.BootstrapCi;

/**
 * Means and percentile-bootstrap intervals of a merge's two headline ratios over model replicates:
 * <ul>
 *   <li>domain gain kept = (acc(merge) − acc(base)) / (acc(expert) − acc(base)),</li>
 *   <li>safety gap recovered = (safety(merge) − safety(expert)) / (safety(aligned) − safety(expert)).</li>
 * </ul>
 * Each ratio is computed per replicate and averaged. A resample is two-level (a hierarchical bootstrap): draw the
 * replicates with replacement, then within each drawn replicate draw the questions, harmful and benign requests with
 * replacement — the same draw for base, expert, aligned model and merge, since they answered the same items. So the
 * interval holds both the luck of training and the luck of the evaluation sample.
 */
final class GainBootstrap {
  /** One replicate's outcomes for the four models the ratios need. */
  record Replicate(EvalSet.Outcomes base, EvalSet.Outcomes domain, EvalSet.Outcomes aligned,
           EvalSet.Outcomes merge) {
  }

  /** Mean and interval of one quantity. */
  record Estimate(double mean, BootstrapCi.Interval ci) {
  }

  /** The merge's means with intervals. */
  record Summary(Estimate domain, Estimate safety, Estimate overRefusal, Estimate gainKept, Estimate gapRecovered) {
  }

  private GainBootstrap() {
  }

  static Summary summarize(List<Replicate> replicates, double level, int resamples, long seed) {
    if (replicates.isEmpty()) {
      throw new IllegalArgumentException("no replicates");
    }
    int r = replicates.size();
    int[] identity = new int[r];
    Arrays.setAll(identity, i -> i);
    double[] point = statistics(replicates, identity, null);
    double[][] draws = new double[point.length][resamples];
    SplittableRandom rng = new SplittableRandom(seed);
    int[] picked = new int[r];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < r; i++) {
        picked[i] = rng.nextInt(r);
      }
      double[] s = statistics(replicates, picked, rng);
      for (int k = 0; k < s.length; k++) {
        draws[k][b] = s[k];
      }
    }
    Estimate[] e = new Estimate[point.length];
    for (int k = 0; k < point.length; k++) {
      e[k] = new Estimate(point[k], BootstrapCi.percentile(draws[k], level));
    }
    return new Summary(e[0], e[1], e[2], e[3], e[4]);
  }

  /**
   * Means over the {@code picked} replicates of domain accuracy, safety, over-refusal, gain kept and gap recovered
   * of the merge; items are resampled within each replicate when {@code rng} is given, else taken as they are.
   */
  static double[] statistics(List<Replicate> replicates, int[] picked, SplittableRandom rng) {
    double[] sum = new double[5];
    for (int p : picked) {
      Replicate rep = replicates.get(p);
      int[] q = draw(rep.merge().correct().length, rng);
      int[] h = draw(rep.merge().refusedHarmful().length, rng);
      int[] g = draw(rep.merge().refusedBenign().length, rng);
      double accBase = share(rep.base().correct(), q);
      double accDomain = share(rep.domain().correct(), q);
      double accMerge = share(rep.merge().correct(), q);
      double safeDomain = share(rep.domain().refusedHarmful(), h);
      double safeAligned = share(rep.aligned().refusedHarmful(), h);
      double safeMerge = share(rep.merge().refusedHarmful(), h);
      sum[0] += accMerge;
      sum[1] += safeMerge;
      sum[2] += share(rep.merge().refusedBenign(), g);
      sum[3] += MergeAlignEvaluation.ratio(accMerge - accBase, accDomain - accBase);
      sum[4] += MergeAlignEvaluation.ratio(safeMerge - safeDomain, safeAligned - safeDomain);
    }
    for (int k = 0; k < sum.length; k++) {
      sum[k] /= picked.length;
    }
    return sum;
  }

  private static int[] draw(int n, SplittableRandom rng) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = rng == null ? i : rng.nextInt(n);
    }
    return idx;
  }

  private static double share(boolean[] hits, int[] idx) {
    int n = 0;
    for (int i : idx) {
      n += hits[i] ? 1 : 0;
    }
    return idx.length == 0 ? Double.NaN : (double) n / idx.length;
  }
}
