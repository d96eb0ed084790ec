package org.ethoslab.app.runnerapi.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The admin's "register a runner" form. Error texts: {@code NotBlank.runnerForm.name}, {@code Pattern.runnerForm.name}. */
public class RunnerForm {

  @NotBlank
  @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name == null ? null : name.strip();
  }
}
