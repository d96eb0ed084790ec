package org.ethoslab.app.account;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts and changes passwords; the only place that hashes passwords. */
@Service
public class AccountService {

  private final UserAccountRepository accounts;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;

  AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
    this.clock = clock;
  }

  /** True when an account with this email (compared case-insensitively) exists. */
  @Transactional(readOnly = true)
  public boolean emailTaken(String email) {
    return accounts.existsByEmail(UserAccount.normalizeEmail(email));
  }

  /** Creates an account with a hashed password. The caller has checked the password rules and the email. */
  @Transactional
  public UserAccount register(String email, String displayName, String rawPassword, Role role) {
    UserAccount account = new UserAccount(email, displayName, passwordEncoder.encode(rawPassword), role,
        OffsetDateTime.now(clock));
    return accounts.save(account);
  }

  /**
   * Changes the password when {@code currentPassword} matches.
   *
   * @return false (and nothing changes) when the current password is wrong
   */
  @Transactional
  public boolean changePassword(long accountId, String currentPassword, String newPassword) {
    UserAccount account = accounts.findById(accountId).orElseThrow();
    if (!passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
      return false;
    }
    account.changePassword(passwordEncoder.encode(newPassword), OffsetDateTime.now(clock));
    return true;
  }
}
