package org.ethoslab.contract.job;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent, reproducible seeds for named random streams from one job seed. Part of the contract because
 * both sides of the hook channel must agree on it (a DARE hook and its reference draw the same keep masks).
 */
public final class Seeds {

  private Seeds() {
  }

  /** SplitMix64-style mixing of the job seed with an FNV-1a hash of the stream name. */
  public static long derive(long seed, String stream) {
    long h = 0xcbf29ce484222325L;
    for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
      h ^= b;
      h *= 0x100000001b3L;
    }
    return mix(seed ^ mix(h));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
