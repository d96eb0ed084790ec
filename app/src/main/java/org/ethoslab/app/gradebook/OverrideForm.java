package org.ethoslab.app.gradebook;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.ethoslab.app.grading.GradeOverride;

/** The instructor's manual score with the reason the audit trail keeps. */
public class OverrideForm {

  @NotNull
  @DecimalMin("0")
  private Double score;

  @NotBlank
  @Size(max = GradeOverride.MAX_REASON)
  private String reason;

  public Double getScore() {
    return score;
  }

  public void setScore(Double score) {
    this.score = score;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
