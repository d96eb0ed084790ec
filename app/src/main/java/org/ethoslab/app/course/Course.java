package org.ethoslab.app.course;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A course template imported from the curriculum files; offerings are runs of it. Keyed by its slug. */
@Entity
@Table(name = "course")
public class Course {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String slug;

  @Column(name = "content_version", nullable = false)
  private String contentVersion;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false, columnDefinition = "text")
  private String summary;

  @Column(name = "imported_at", nullable = false)
  private OffsetDateTime importedAt;

  /** The instructor who may edit this course; null for a template from the curriculum files (read-only). */
  @Column(name = "owner_id")
  private Long ownerId;

  /** The course id written on export; null means the slug. */
  @Column(name = "curriculum_id")
  private String curriculumId;

  @OneToMany(mappedBy = "course", cascade = CascadeType.ALL)
  @OrderBy("position asc")
  private List<CourseModule> modules = new ArrayList<>();

  protected Course() {
  }

  Course(String slug) {
    this.slug = slug;
  }

  /** Takes over the course-level fields of a newer content version. */
  void update(String contentVersion, String title, String summary, OffsetDateTime now) {
    this.contentVersion = contentVersion;
    this.title = title;
    this.summary = summary;
    this.importedAt = now;
  }

  /** Makes this course an editable copy owned by an instructor, exported under {@code curriculumId}. */
  public void assignOwner(long ownerAccountId, String exportedId) {
    this.ownerId = ownerAccountId;
    this.curriculumId = exportedId;
  }

  /** Adds a new module at the end, for an instructor editing their own course. */
  public CourseModule appendModule(String moduleSlug, String title, String summary, List<String> objectives) {
    int position = modules.stream().mapToInt(CourseModule::getPosition).max().orElse(0) + 1;
    CourseModule module = addModule(moduleSlug);
    module.update(position, title, summary, objectives);
    return module;
  }

  public Optional<CourseModule> findModule(String moduleSlug) {
    return module(moduleSlug);
  }

  Optional<CourseModule> module(String moduleSlug) {
    return modules.stream().filter(m -> m.getSlug().equals(moduleSlug)).findFirst();
  }

  CourseModule addModule(String moduleSlug) {
    CourseModule module = new CourseModule(this, moduleSlug);
    modules.add(module);
    return module;
  }

  public Long getId() {
    return id;
  }

  public String getSlug() {
    return slug;
  }

  public String getContentVersion() {
    return contentVersion;
  }

  public String getTitle() {
    return title;
  }

  public String getSummary() {
    return summary;
  }

  public Long getOwnerId() {
    return ownerId;
  }

  public boolean isOwnedBy(long accountId) {
    return ownerId != null && ownerId == accountId;
  }

  /** The course id used in the curriculum file format. */
  public String getCurriculumId() {
    return curriculumId != null ? curriculumId : slug;
  }

  public OffsetDateTime getImportedAt() {
    return importedAt;
  }

  /** All modules in display order, including retired ones. */
  public List<CourseModule> getModules() {
    return modules;
  }
}
