package org.ethoslab.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTests {

  @Test
  void acceptsALongPassphrase() {
    assertThat(PasswordRules.violation("correct horse battery", "a@b.org")).isEmpty();
  }

  @Test
  void namesTheRuleThatIsBroken() {
    assertThat(PasswordRules.violation("short1", "a@b.org")).contains("password.tooShort");
    assertThat(PasswordRules.violation("x".repeat(129) + "abc", "a@b.org")).contains("password.tooLong");
    assertThat(PasswordRules.violation("Student@Example.org", "student@example.org")).contains("password.sameAsEmail");
    assertThat(PasswordRules.violation("abababababab", "a@b.org")).contains("password.tooSimple");
  }
}
