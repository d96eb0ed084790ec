package org.ethoslab.app.course;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ethoslab.curriculum.Lesson;
import org.ethoslab.curriculum.ModuleItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings validated curriculum courses into the database in one transaction. Idempotent: running it twice on the
 * same files changes nothing. Courses, modules and items are matched by slug (course id, module id, item id), so a
 * new content version updates rows in place; whatever a student recorded against an item (completions, later
 * attempts) keeps pointing at the same row. Modules and items that left the curriculum are retired, not deleted.
 */
@Service
public class CurriculumImporter {

  private static final Logger log = LoggerFactory.getLogger(CurriculumImporter.class);

  private final CourseRepository courses;
  private final Clock clock;

  CurriculumImporter(CourseRepository courses, Clock clock) {
    this.courses = courses;
    this.clock = clock;
  }

  /** What one import did, for the log and for tests. */
  public record ImportSummary(int coursesCreated, int coursesUpdated, int itemsChanged, int itemsRetired) {
  }

  /** Imports all given courses; any exception rolls the whole import back. */
  @Transactional
  public ImportSummary importCourses(List<org.ethoslab.curriculum.Course> curriculum) {
    int created = 0;
    int updated = 0;
    int[] itemCounts = new int[2];
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (org.ethoslab.curriculum.Course source : curriculum) {
      Course course = courses.findBySlug(source.id()).orElse(null);
      if (course == null) {
        course = new Course(source.id());
        created++;
      }
      else if (!source.version().equals(course.getContentVersion())) {
        updated++;
      }
      if (course.getId() == null || !source.version().equals(course.getContentVersion())
          || !source.title().equals(course.getTitle()) || !source.summary().equals(course.getSummary())) {
        course.update(source.version(), source.title(), source.summary(), now);
      }
      syncModules(course, source, itemCounts);
      courses.save(course);
      log.info("Curriculum course '{}' version {} is in the database", source.id(), source.version());
    }
    return new ImportSummary(created, updated, itemCounts[0], itemCounts[1]);
  }

  private void syncModules(Course course, org.ethoslab.curriculum.Course source, int[] itemCounts) {
    Set<String> seenModules = new HashSet<>();
    for (org.ethoslab.curriculum.CourseModule sourceModule : source.modules()) {
      seenModules.add(sourceModule.id());
      CourseModule module = course.module(sourceModule.id()).orElseGet(() -> course.addModule(sourceModule.id()));
      module.update(sourceModule.position(), sourceModule.title(), sourceModule.summary(),
          sourceModule.objectives());
      Set<String> seenItems = new HashSet<>();
      for (ModuleItem sourceItem : sourceModule.items()) {
        seenItems.add(sourceItem.id());
        CourseItem item = module.item(sourceItem.id()).orElseGet(() -> module.addItem(sourceItem.id()));
        int minutes = sourceItem instanceof Lesson lesson ? lesson.estimatedMinutes() : 0;
        if (item.update(sourceItem.kind(), sourceItem.title(), sourceItem.position(), ItemBodies.encode(sourceItem),
            minutes, sourceItem.contentHash())) {
          itemCounts[0]++;
        }
      }
      for (CourseItem item : module.getItems()) {
        if (!seenItems.contains(item.getSlug()) && !item.isRetired()) {
          item.retire();
          itemCounts[1]++;
        }
      }
    }
    for (CourseModule module : course.getModules()) {
      if (!seenModules.contains(module.getSlug()) && !module.isRetired()) {
        itemCounts[1] += (int) module.getItems().stream().filter(i -> !i.isRetired()).count();
        module.retire();
      }
    }
  }
}
