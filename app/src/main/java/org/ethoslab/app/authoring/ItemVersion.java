package org.ethoslab.app.authoring;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One published version of an item in its authored form (a lesson's Markdown, a quiz's or lab's YAML file). Kept so
 * that an instructor can compare versions and restore an old one into the draft.
 */
@Entity
@Table(name = "item_version")
public class ItemVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "item_id", nullable = false)
  private long itemId;

  @Column(nullable = false)
  private int version;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false, columnDefinition = "text")
  private String source;

  @Column(name = "author_id")
  private Long authorId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected ItemVersion() {
  }

  ItemVersion(long itemId, int version, String title, String source, Long authorId, OffsetDateTime now) {
    this.itemId = itemId;
    this.version = version;
    this.title = title;
    this.source = source;
    this.authorId = authorId;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getItemId() {
    return itemId;
  }

  public int getVersion() {
    return version;
  }

  public String getTitle() {
    return title;
  }

  public String getSource() {
    return source;
  }

  public Long getAuthorId() {
    return authorId;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
