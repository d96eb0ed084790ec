package org.ethoslab.app.account;

import java.time.OffsetDateTime;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who signs in. The email (lower-cased) is the login name. */
@Entity
@Table(name = "app_user")
public class UserAccount {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String email;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "password_changed_at", nullable = false)
  private OffsetDateTime passwordChangedAt;

  protected UserAccount() {
  }

  public UserAccount(String email, String displayName, String passwordHash, Role role, OffsetDateTime now) {
    this.email = normalizeEmail(email);
    this.displayName = displayName.strip();
    this.passwordHash = passwordHash;
    this.role = role;
    this.createdAt = now;
    this.passwordChangedAt = now;
  }

  /** Emails compare case-insensitively; we store them trimmed and lower-cased. */
  public static String normalizeEmail(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Makes a student an instructor. Admins keep their role (promotion never demotes).
   *
   * @return true when the role changed
   */
  public boolean promoteToInstructor() {
    if (role != Role.STUDENT) {
      return false;
    }
    role = Role.INSTRUCTOR;
    return true;
  }

  public void changePassword(String newHash, OffsetDateTime now) {
    this.passwordHash = newHash;
    this.passwordChangedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public boolean isInstructor() {
    return role == Role.INSTRUCTOR || role == Role.ADMIN;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
