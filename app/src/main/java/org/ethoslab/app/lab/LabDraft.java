package org.ethoslab.app.lab;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A student's unsubmitted work on one lab item: parameters and hook code (both JSON objects), saved as they type. */
@Entity
@Table(name = "lab_draft")
public class LabDraft {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "offering_id", nullable = false)
  private long offeringId;

  @Column(name = "item_id", nullable = false)
  private long itemId;

  @Column(nullable = false, columnDefinition = "text")
  private String params;

  @Column(nullable = false, columnDefinition = "text")
  private String code;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected LabDraft() {
  }

  LabDraft(long userId, long offeringId, long itemId) {
    this.userId = userId;
    this.offeringId = offeringId;
    this.itemId = itemId;
  }

  void update(String params, String code, OffsetDateTime now) {
    this.params = params;
    this.code = code;
    this.updatedAt = now;
  }

  public long getUserId() {
    return userId;
  }

  public String getParams() {
    return params;
  }

  public String getCode() {
    return code;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
