package org.ethoslab.app.account;

import jakarta.validation.constraints.NotBlank;

/** The password change form: the current password proves it is really the account owner. */
public class PasswordChangeForm {

  @NotBlank
  private String currentPassword = "";

  private String newPassword = "";

  private String confirmPassword = "";

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmPassword() {
    return confirmPassword;
  }

  public void setConfirmPassword(String confirmPassword) {
    this.confirmPassword = confirmPassword;
  }
}
