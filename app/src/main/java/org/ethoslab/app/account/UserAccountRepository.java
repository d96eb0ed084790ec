package org.ethoslab.app.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored user accounts. Emails passed in must already be normalized ({@link UserAccount#normalizeEmail}). */
public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

  Optional<UserAccount> findByEmail(String email);

  boolean existsByEmail(String email);

  boolean existsByRole(Role role);

  List<UserAccount> findAllByOrderByCreatedAtAscIdAsc();
}
