package org.ethoslab.app.labspec;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders lab versions oldest first: split at {@code .}, {@code -}, {@code +} and {@code _}, parts that are numbers
 * compared as numbers ({@code 2} before {@code 10}, {@code 1.9} before {@code 1.10}), other parts as text, a number
 * before text, and a version that is a prefix of another before it.
 */
final class LabVersions {

  static final Comparator<String> OLDEST_FIRST = LabVersions::compare;

  private LabVersions() {
  }

  static int compare(String a, String b) {
    String[] left = a.split("[.+_-]");
    String[] right = b.split("[.+_-]");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int order = comparePart(left[i], right[i]);
      if (order != 0) {
        return order;
      }
    }
    int byLength = Integer.compare(left.length, right.length);
    return byLength != 0 ? byLength : a.compareTo(b);
  }

  private static int comparePart(String a, String b) {
    boolean aNumber = isNumber(a);
    boolean bNumber = isNumber(b);
    if (aNumber && bNumber) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    if (aNumber != bNumber) {
      return aNumber ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static boolean isNumber(String part) {
    return !part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
