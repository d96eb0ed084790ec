package org.ethoslab.app.account;

import java.util.Optional;

/**
 * The rules a new password must meet. Length is what matters most (NIST SP 800-63B): at least
 * {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH} (BCrypt ignores bytes past 72, Argon2 does not,
 * but a cap keeps hashing cheap), not the email itself, and not one character repeated.
 */
public final class PasswordRules {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;

  private PasswordRules() {
  }

  /**
   * Checks a candidate password.
   *
   * @return the message key of the first rule broken, or empty when the password is acceptable
   */
  public static Optional<String> violation(String password, String email) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of("password.tooShort");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("password.tooLong");
    }
    if (email != null && password.equalsIgnoreCase(email.strip())) {
      return Optional.of("password.sameAsEmail");
    }
    if (password.chars().distinct().count() < 4) {
      return Optional.of("password.tooSimple");
    }
    return Optional.empty();
  }
}
