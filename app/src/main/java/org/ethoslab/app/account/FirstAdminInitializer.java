package org.ethoslab.app.account;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator when the database has none, so a fresh install can be administered at once.
 * A generated password is logged exactly once, here; it is never stored in clear anywhere.
 */
@Component
@Order(10)
class FirstAdminInitializer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);
  /** No 0/O, 1/l/I: the password is read off a log line and typed by hand. */
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final UserAccountRepository accounts;
  private final AccountService accountService;
  private final AdminProperties properties;

  FirstAdminInitializer(UserAccountRepository accounts, AccountService accountService, AdminProperties properties) {
    this.accounts = accounts;
    this.accountService = accountService;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (accounts.existsByRole(Role.ADMIN)) {
      return;
    }
    String email = UserAccount.normalizeEmail(properties.email());
    if (accounts.existsByEmail(email)) {
      throw new IllegalStateException("ETHOSLAB_ADMIN_EMAIL " + email + " belongs to an existing non-admin account;"
          + " choose another email for the first administrator.");
    }
    boolean generated = properties.password() == null || properties.password().isBlank();
    String password = generated ? generatePassword() : properties.password();
    accountService.register(email, "Administrator", password, Role.ADMIN);
    if (generated) {
      log.warn("Created the first administrator {} with the generated password: {}  (shown only this once; "
          + "set ETHOSLAB_ADMIN_PASSWORD to choose it yourself, change it after signing in under your name, Change password)",
          email, password);
    }
    else {
      log.info("Created the first administrator {} with the password from ETHOSLAB_ADMIN_PASSWORD", email);
    }
  }

  static String generatePassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
