package org.ethoslab.app.authoring;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.ethoslab.app.course.Course;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.course.CourseModule;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.course.ItemBodies;
import org.ethoslab.app.labspec.PublishedLabs;
import org.ethoslab.app.system.AccessRefusedException;
import org.ethoslab.app.system.PageNotFoundException;
import org.ethoslab.curriculum.CurriculumException;
import org.ethoslab.curriculum.ItemKind;
import org.ethoslab.curriculum.LabItem;
import org.ethoslab.curriculum.Lesson;
import org.ethoslab.curriculum.ModuleItem;
import org.ethoslab.curriculum.Quiz;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing a course an instructor owns: modules, items, drafts, publishing, order, version history. Templates from
 * the curriculum files are never edited; an instructor copies one first ({@link CourseTransfer#copy}). Publishing
 * validates the whole course with the change in place, exactly as an import would.
 */
@Service
public class AuthoringService {

  private final CourseRepository courses;
  private final CourseItemRepository items;
  private final ItemVersionRepository versions;
  private final PublishedLabs labs;
  private final Clock clock;

  AuthoringService(CourseRepository courses, CourseItemRepository items, ItemVersionRepository versions,
                   PublishedLabs labs, Clock clock) {
    this.courses = courses;
    this.items = items;
    this.versions = versions;
    this.labs = labs;
    this.clock = clock;
  }

  /** The course, when {@code accountId} owns it; otherwise not found or refused. */
  @Transactional(readOnly = true)
  public Course ownedCourse(long courseId, long accountId) {
    Course course = courses.findById(courseId).orElseThrow(() -> new PageNotFoundException("error.detail.course"));
    if (!course.isOwnedBy(accountId)) {
      throw new AccessRefusedException("error.detail.notCourseOwner");
    }
    course.getModules().forEach(m -> m.getItems().size());
    return course;
  }

  /** The item of an owned course. */
  @Transactional(readOnly = true)
  public CourseItem ownedItem(long courseId, long itemId, long accountId) {
    Course course = ownedCourse(courseId, accountId);
    return course.getModules().stream().flatMap(m -> m.getItems().stream())
        .filter(i -> i.getId() == itemId && !i.isRetired()).findFirst()
        .orElseThrow(() -> new PageNotFoundException("error.detail.item"));
  }

  @Transactional
  public CourseModule createModule(long courseId, long accountId, String title, String summary,
                                   List<String> objectives) {
    Course course = ownedCourse(courseId, accountId);
    String slug = uniqueSlug(title, s -> course.findModule(s).isPresent());
    course.appendModule(slug, title.strip(), summary.strip(), objectives);
    // Merging cascades to a managed copy of the new module; return that one.
    return courses.saveAndFlush(course).findModule(slug).orElseThrow();
  }

  /** Adds a draft item with starter content of its kind; students see it once it is published. */
  @Transactional
  public CourseItem createItem(long courseId, long accountId, String moduleSlug, ItemKind kind, String title) {
    Course course = ownedCourse(courseId, accountId);
    CourseModule module = course.findModule(moduleSlug)
        .orElseThrow(() -> new PageNotFoundException("error.detail.module"));
    String slug = uniqueSlug(title, s -> module.findItem(s).isPresent());
    CourseItem item = module.appendDraftItem(slug, kind, title.strip(), ItemBodies.encode(starter(slug, kind, title)));
    // Persisting the new row directly gives it its id at once (the module is already managed).
    return items.save(item);
  }

  /** Keeps an edit as the item's draft; students still see the published version. */
  @Transactional
  public void saveDraft(long courseId, long itemId, long accountId, String title, String source) {
    CourseItem item = ownedItem(courseId, itemId, accountId);
    item.saveDraft(title.strip(), source);
    items.save(item);
  }

  /**
   * Validates the draft within the whole course and makes it the published version, recording it in the history.
   *
   * @throws CurriculumException with every problem as {@code file:line: message}; nothing changes then
   */
  @Transactional(rollbackFor = CurriculumException.class)
  public ItemVersion publish(long courseId, long itemId, long accountId) throws CurriculumException {
    CourseItem item = ownedItem(courseId, itemId, accountId);
    String title = item.hasDraft() ? item.getDraftTitle() : item.getTitle();
    String source = item.hasDraft() ? item.getDraftBody() : CourseFiles.authoredSource(item);
    Course course = item.getModule().getCourse();
    org.ethoslab.curriculum.Course loaded = CourseFiles.validate(course,
        new CourseFiles.Change(item, title, source), labs.knownLabs());
    ModuleItem published = CourseFiles.find(loaded, item.getModule().getSlug(), item.getSlug());
    int minutes = published instanceof Lesson lesson ? lesson.estimatedMinutes() : 0;
    if (item.isPublished() && versions.findFirstByItemIdOrderByVersionDesc(item.getId()).isEmpty()) {
      // The first edit of imported content: keep what was there as version 1 so it can be restored.
      versions.save(new ItemVersion(item.getId(), 1, item.getTitle(), CourseFiles.authoredSource(item), null,
          OffsetDateTime.now(clock)));
    }
    item.publish(published.title(), ItemBodies.encode(published), minutes, published.contentHash());
    items.save(item);
    int next = versions.findFirstByItemIdOrderByVersionDesc(item.getId()).map(v -> v.getVersion() + 1).orElse(1);
    return versions.save(new ItemVersion(item.getId(), next, published.title(), CourseFiles.authoredSource(item),
        accountId, OffsetDateTime.now(clock)));
  }

  /** Puts an old version into the draft; publishing it makes it live again. */
  @Transactional
  public void restore(long courseId, long itemId, long accountId, int version) {
    CourseItem item = ownedItem(courseId, itemId, accountId);
    ItemVersion old = versions.findByItemIdAndVersion(itemId, version)
        .orElseThrow(() -> new PageNotFoundException("error.detail.version"));
    item.saveDraft(old.getTitle(), old.getSource());
    items.save(item);
  }

  @Transactional(readOnly = true)
  public List<ItemVersion> history(long courseId, long itemId, long accountId) {
    ownedItem(courseId, itemId, accountId);
    return versions.findByItemIdOrderByVersionDesc(itemId);
  }

  /** The id of a published item of the course by its module and item slugs, for internal links. */
  @Transactional(readOnly = true)
  public java.util.Optional<Long> publishedItemId(long courseId, String moduleSlug, String itemSlug) {
    return courses.findById(courseId).flatMap(c -> c.findModule(moduleSlug)).flatMap(m -> m.findItem(itemSlug))
        .filter(i -> i.isPublished() && !i.isRetired()).map(CourseItem::getId);
  }

  /** Templates anyone may copy, and the courses the account owns, by title. */
  @Transactional(readOnly = true)
  public CourseChoices choices(long accountId) {
    List<Course> all = courses.findAllByOrderByTitleAsc();
    return new CourseChoices(all.stream().filter(c -> c.getOwnerId() == null).toList(),
        all.stream().filter(c -> c.isOwnedBy(accountId)).toList());
  }

  /** Courses shown on the authoring page. */
  public record CourseChoices(List<Course> templates, List<Course> owned) {
  }

  /** Moves an item one place up or down within its module. */
  @Transactional
  public void move(long courseId, long itemId, long accountId, int direction) {
    CourseItem item = ownedItem(courseId, itemId, accountId);
    item.getModule().moveItem(item, direction);
    courses.save(item.getModule().getCourse());
  }

  /** An id from a title: lowercase letters, digits and dashes, made unique with a number when taken. */
  static String uniqueSlug(String title, Predicate<String> taken) {
    String base = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (base.isEmpty()) {
      base = "item";
    }
    base = base.length() > 60 ? base.substring(0, 60).replaceAll("-+$", "") : base;
    String slug = base;
    for (int n = 2; taken.test(slug); n++) {
      slug = base + "-" + n;
    }
    return slug;
  }

  private static ModuleItem starter(String slug, ItemKind kind, String title) {
    return switch (kind) {
      case LESSON, CASE_STUDY -> new Lesson(slug, title, 1, kind, "# " + title.strip() + "\n\nWrite here.\n", 1, "", "");
      case QUIZ -> new Quiz(slug, title, 1, List.of(new Quiz.Question("first-question", Quiz.QuestionType.SINGLE,
          "Replace this question.", List.of("Right answer", "Wrong answer"), List.of(0), null, 0,
          "Explain the answer here.", 1)), "", "");
      case LAB -> new LabItem(slug, title, 1, "w2s", "Describe the lab here.", Map.of(), "", "");
    };
  }
}
