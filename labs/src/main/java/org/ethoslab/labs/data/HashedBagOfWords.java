package org.ethoslab.labs.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The weak models' view of text: lower-cased word tokens hashed into a fixed number of buckets, as binary
 * features. Few buckets make a deliberately small model (words collide). For pair tasks the two texts' words go to
 * separate feature spaces and words present in both add an overlap feature — the lexical-match baseline.
 */
public final class HashedBagOfWords {
  private final int buckets;

  public HashedBagOfWords(int buckets) {
    if (buckets < 8) {
      throw new IllegalArgumentException("buckets must be >= 8, got " + buckets);
    }
    this.buckets = buckets;
  }

  public int dimension() {
    return buckets;
  }

  /** Lower-cased runs of letters, digits and apostrophes. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (char ch : text.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(ch) || ch == '\'') {
        cur.append(ch);
      } else if (cur.length() > 0) {
        out.add(cur.toString());
        cur.setLength(0);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  public float[] features(TextExample example) {
    float[] v = new float[buckets];
    if (!example.isPair()) {
      for (String w : words(example.text())) {
        v[bucket(w)] = 1f;
      }
      return v;
    }
    Set<String> a = new HashSet<>(words(example.text()));
    Set<String> b = new HashSet<>(words(example.pairText()));
    for (String w : a) {
      v[bucket("a:" + w)] = 1f;
    }
    for (String w : b) {
      v[bucket("b:" + w)] = 1f;
      if (a.contains(w)) {
        v[bucket("both:" + w)] = 1f;
      }
    }
    return v;
  }

  public float[][] features(List<TextExample> examples) {
    float[][] out = new float[examples.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = features(examples.get(i));
    }
    return out;
  }

  /** FNV-1a over UTF-8 bytes: stable across JVMs, unlike {@code String.hashCode} salting concerns. */
  int bucket(String token) {
    int h = 0x811c9dc5;
    for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return Math.floorMod(h, buckets);
  }
}
