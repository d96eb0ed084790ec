package org.ethoslab.app.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a new student types into the sign-up form. Password rules are checked by {@link SignUpFormValidator}. */
public class SignUpForm {

  @NotBlank
  @Email
  @Size(max = 254)
  private String email = "";

  @NotBlank
  @Size(max = 100)
  private String displayName = "";

  private String password = "";

  private String confirmPassword = "";

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirmPassword() {
    return confirmPassword;
  }

  public void setConfirmPassword(String confirmPassword) {
    this.confirmPassword = confirmPassword;
  }
}
