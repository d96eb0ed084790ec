package org.ethoslab.app.offering;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An instructor's new offering: which course template, and a title students recognise (e.g. "AI Ethics, spring"). */
public class OfferingForm {

  @NotNull
  private Long courseId;

  @NotBlank
  @Size(max = 200)
  private String title = "";

  public Long getCourseId() {
    return courseId;
  }

  public void setCourseId(Long courseId) {
    this.courseId = courseId;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }
}
