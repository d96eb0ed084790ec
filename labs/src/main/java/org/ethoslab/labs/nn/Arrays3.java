package org.ethoslab.labs.nn;

/** Packs Java float arrays into the flat row-major buffers NDArrays are created from. */
final class Arrays3 {
  private Arrays3() {
  }

  static float[] flatten(float[][] rows) {
    int d = rows[0].length;
    float[] flat = new float[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + d);
      }
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    return flat;
  }

  static float[] flatten(float[][][] stacks) {
    int n = stacks[0].length;
    int d = stacks[0][0].length;
    float[] flat = new float[stacks.length * n * d];
    for (int m = 0; m < stacks.length; m++) {
      if (stacks[m].length != n) {
        throw new IllegalArgumentException("stack " + m + " has " + stacks[m].length + " rows, expected " + n);
      }
      System.arraycopy(flatten(stacks[m]), 0, flat, m * n * d, n * d);
    }
    return flat;
  }
}
