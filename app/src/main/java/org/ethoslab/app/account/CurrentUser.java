package org.ethoslab.app.account;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in principal: Spring Security's {@link User} plus the account id, so controllers can load what
 * belongs to the user without a second lookup by email.
 */
public class CurrentUser extends User {

  private final long accountId;
  private final String displayName;
  private final Role role;

  CurrentUser(UserAccount account) {
    super(account.getEmail(), account.getPasswordHash(), authorities(account.getRole()));
    this.accountId = account.getId();
    this.displayName = account.getDisplayName();
    this.role = account.getRole();
  }

  /** Each role also carries the authorities of the roles below it, so rules can name the least role needed. */
  private static List<GrantedAuthority> authorities(Role role) {
    return java.util.Arrays.stream(Role.values())
        .filter(r -> r.ordinal() <= role.ordinal())
        .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
        .toList();
  }

  public long getAccountId() {
    return accountId;
  }

  public String getDisplayName() {
    return displayName;
  }

  public Role getRole() {
    return role;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
