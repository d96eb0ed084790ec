package org.ethoslab.app.lesson;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A student finished an item (read a lesson) within one enrollment. Refers to the item row, which the curriculum
 * importer keeps stable across content versions, so completions survive updates.
 */
@Entity
@Table(name = "item_completion")
public class ItemCompletion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "enrollment_id", nullable = false)
  private long enrollmentId;

  @Column(name = "item_id", nullable = false)
  private long itemId;

  @Column(name = "completed_at", nullable = false)
  private OffsetDateTime completedAt;

  protected ItemCompletion() {
  }

  ItemCompletion(long enrollmentId, long itemId, OffsetDateTime now) {
    this.enrollmentId = enrollmentId;
    this.itemId = itemId;
    this.completedAt = now;
  }

  public long getEnrollmentId() {
    return enrollmentId;
  }

  public long getItemId() {
    return itemId;
  }

  public OffsetDateTime getCompletedAt() {
    return completedAt;
  }
}
