package org.ethoslab.app.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.ethoslab.curriculum.ItemKind;

/**
 * A module (topic) of a course. Retired when it disappears from the curriculum, never deleted, so that the
 * progress students recorded in it survives.
 */
@Entity
@Table(name = "course_module")
public class CourseModule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "course_id")
  private Course course;

  @Column(nullable = false)
  private String slug;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false, columnDefinition = "text")
  private String summary;

  /** One objective per line. */
  @Column(nullable = false, columnDefinition = "text")
  private String objectives;

  @Column(nullable = false)
  private boolean retired;

  @OneToMany(mappedBy = "module", cascade = CascadeType.ALL)
  @OrderBy("position asc")
  private List<CourseItem> items = new ArrayList<>();

  protected CourseModule() {
  }

  CourseModule(Course course, String slug) {
    this.course = course;
    this.slug = slug;
  }

  void update(int position, String title, String summary, List<String> objectives) {
    this.position = position;
    this.title = title;
    this.summary = summary;
    this.objectives = String.join("\n", objectives);
    this.retired = false;
  }

  void retire() {
    retired = true;
    items.forEach(CourseItem::retire);
  }

  /** Adds an item that students do not see until it is published. */
  public CourseItem appendDraftItem(String itemSlug, ItemKind kind, String title, String body) {
    int position = items.stream().mapToInt(CourseItem::getPosition).max().orElse(0) + 1;
    CourseItem item = addItem(itemSlug);
    item.update(kind, title, position, body, 0, "");
    item.markUnpublished();
    return item;
  }

  /**
   * Moves an item one place up ({@code -1}) or down ({@code +1}) among this module's items by swapping positions
   * with its neighbour; does nothing at either end.
   */
  public void moveItem(CourseItem item, int direction) {
    List<CourseItem> ordered = items.stream().sorted(java.util.Comparator.comparingInt(CourseItem::getPosition))
        .toList();
    int index = ordered.indexOf(item);
    int other = index + Integer.signum(direction);
    if (index < 0 || other < 0 || other >= ordered.size()) {
      return;
    }
    CourseItem neighbour = ordered.get(other);
    int position = item.getPosition();
    item.moveTo(neighbour.getPosition());
    neighbour.moveTo(position);
  }

  public Optional<CourseItem> findItem(String itemSlug) {
    return item(itemSlug);
  }

  Optional<CourseItem> item(String itemSlug) {
    return items.stream().filter(i -> i.getSlug().equals(itemSlug)).findFirst();
  }

  CourseItem addItem(String itemSlug) {
    CourseItem item = new CourseItem(this, itemSlug);
    items.add(item);
    return item;
  }

  public Long getId() {
    return id;
  }

  public Course getCourse() {
    return course;
  }

  public String getSlug() {
    return slug;
  }

  public int getPosition() {
    return position;
  }

  public String getTitle() {
    return title;
  }

  public String getSummary() {
    return summary;
  }

  public List<String> getObjectives() {
    return objectives == null || objectives.isBlank() ? List.of() : List.of(objectives.split("\n"));
  }

  public boolean isRetired() {
    return retired;
  }

  /** All items in display order, including retired ones. */
  public List<CourseItem> getItems() {
    return items;
  }

  /** The items students see now. */
  public List<CourseItem> getActiveItems() {
    return items.stream().filter(i -> !i.isRetired() && i.isPublished()).toList();
  }
}
