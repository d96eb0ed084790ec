package org.ethoslab.app.offering;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Join codes: {@value #LENGTH} characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 8/B, 2/Z), so a
 * code read off a projector is typed right. 24^8 ≈ 1.1·10^11 codes make guessing one hopeless.
 */
public final class JoinCodes {

  public static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY3467";
  public static final int LENGTH = 8;

  private static final SecureRandom RANDOM = new SecureRandom();

  private JoinCodes() {
  }

  /** A new random code. */
  public static String generate() {
    StringBuilder sb = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** What a student typed, upper-cased and without spaces or dashes ({@code "abcd-efgh"} → {@code "ABCDEFGH"}). */
  public static String normalize(String typed) {
    return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  /** The code as shown to people, in two groups of four: {@code ABCD-EFGH}. */
  public static String display(String code) {
    return code.length() == LENGTH ? code.substring(0, 4) + "-" + code.substring(4) : code;
  }
}
