package org.ethoslab.app.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.ethoslab.curriculum.ItemKind;

/**
 * One lesson, case study, quiz or lab of a module. The {@code body} is the lesson's Markdown, or for quizzes and labs
 * their definition as JSON ({@link ItemBodies}). Updated in place by the importer, keyed by module and slug.
 */
@Entity
@Table(name = "module_item")
public class CourseItem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "module_id")
  private CourseModule module;

  @Column(nullable = false)
  private String slug;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ItemKind kind;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, columnDefinition = "text")
  private String body;

  @Column(name = "estimated_minutes", nullable = false)
  private int estimatedMinutes;

  @Column(name = "content_hash", nullable = false)
  private String contentHash;

  @Column(nullable = false)
  private boolean retired;

  /** False for an item created by an instructor and never published: students do not see it. */
  @Column(nullable = false)
  private boolean published = true;

  /** An instructor's unpublished edit (title and authored source), null when there is none. */
  @Column(name = "draft_title")
  private String draftTitle;

  @Column(name = "draft_body", columnDefinition = "text")
  private String draftBody;

  protected CourseItem() {
  }

  CourseItem(CourseModule module, String slug) {
    this.module = module;
    this.slug = slug;
  }

  /**
   * Takes over the content of a newer version.
   *
   * @return true when anything visible changed
   */
  boolean update(ItemKind kind, String title, int position, String body, int estimatedMinutes, String hash) {
    boolean changed = !hash.equals(contentHash) || position != this.position || retired || kind != this.kind
        || !title.equals(this.title);
    this.kind = kind;
    this.title = title;
    this.position = position;
    this.body = body;
    this.estimatedMinutes = estimatedMinutes;
    this.contentHash = hash;
    this.retired = false;
    return changed;
  }

  void retire() {
    retired = true;
  }

  void markUnpublished() {
    published = false;
  }

  void moveTo(int newPosition) {
    this.position = newPosition;
  }

  /** Keeps an instructor's edit (authored source: Markdown, or quiz/lab YAML) without showing it to students. */
  public void saveDraft(String title, String source) {
    this.draftTitle = title;
    this.draftBody = source;
  }

  /**
   * Makes validated content the version students see. The row keeps its id, so completions and quiz attempts
   * recorded against earlier versions still point at this item.
   */
  public void publish(String title, String body, int estimatedMinutes, String hash) {
    this.title = title;
    this.body = body;
    this.estimatedMinutes = estimatedMinutes;
    this.contentHash = hash;
    this.published = true;
    this.draftTitle = null;
    this.draftBody = null;
  }

  public Long getId() {
    return id;
  }

  public CourseModule getModule() {
    return module;
  }

  public String getSlug() {
    return slug;
  }

  public ItemKind getKind() {
    return kind;
  }

  public String getTitle() {
    return title;
  }

  public int getPosition() {
    return position;
  }

  public String getBody() {
    return body;
  }

  public int getEstimatedMinutes() {
    return estimatedMinutes;
  }

  public String getContentHash() {
    return contentHash;
  }

  public boolean isRetired() {
    return retired;
  }

  public boolean isPublished() {
    return published;
  }

  public boolean hasDraft() {
    return draftBody != null;
  }

  public String getDraftTitle() {
    return draftTitle;
  }

  public String getDraftBody() {
    return draftBody;
  }

  /** Items a student marks complete by reading them: lessons and case studies. */
  public boolean isReading() {
    return kind == ItemKind.LESSON || kind == ItemKind.CASE_STUDY;
  }

  /** Items that count towards a student's progress: what is read, and quizzes (done when submitted). */
  public boolean isCompletable() {
    return isReading() || kind == ItemKind.QUIZ;
  }
}
