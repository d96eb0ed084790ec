package org.ethoslab.labs.w2s;

import java.util.List;
import java.util.SplittableRandom;
import org.ethoslab.labs.data.TextExample;

/** Index arithmetic of the W2S splits: seeded permutations and subsets, row selection, one-hot targets. */
final class Rows {
  private Rows() {
  }

  static int[] permutation(int n, SplittableRandom rng) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  static int[] subset(int[] from, double share, SplittableRandom rng) {
    int[] perm = permutation(from.length, rng);
    int m = (int) Math.round(share * from.length);
    int[] out = new int[m];
    for (int i = 0; i < m; i++) {
      out[i] = from[perm[i]];
    }
    java.util.Arrays.sort(out);
    return out;
  }

  static float[][] rows(float[][] all, int[] idx) {
    float[][] out = new float[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      out[i] = all[idx[i]];
    }
    return out;
  }

  static float[][] oneHot(List<TextExample> pool, int[] idx) {
    float[][] out = new float[idx.length][W2sConfig.CLASSES];
    for (int i = 0; i < idx.length; i++) {
      out[i][pool.get(idx[i]).label()] = 1f;
    }
    return out;
  }

  static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
