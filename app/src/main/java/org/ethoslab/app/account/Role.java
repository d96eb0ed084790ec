package org.ethoslab.app.account;

/** What a user may do. Each role includes the rights of the ones before it. */
public enum Role {
  STUDENT,
  INSTRUCTOR,
  ADMIN;

  /** The Spring Security authority name, e.g. {@code ROLE_INSTRUCTOR}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
