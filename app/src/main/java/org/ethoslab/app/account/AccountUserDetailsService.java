package org.ethoslab.app.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts for form login and remember-me. */
@Service
class AccountUserDetailsService implements UserDetailsService {

  private final UserAccountRepository accounts;

  AccountUserDetailsService(UserAccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    return accounts.findByEmail(UserAccount.normalizeEmail(username))
        .map(CurrentUser::new)
        .orElseThrow(() -> new UsernameNotFoundException("No account for this email"));
  }
}
