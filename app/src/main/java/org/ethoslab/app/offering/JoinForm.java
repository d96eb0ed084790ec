package org.ethoslab.app.offering;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The join code a student types in. */
public class JoinForm {

  @NotBlank
  @Size(max = 20)
  private String code = "";

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
