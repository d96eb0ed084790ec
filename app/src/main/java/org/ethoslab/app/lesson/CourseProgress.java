package org.ethoslab.app.lesson;

import java.util.List;

import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseModule;

/**
 * A course outline as one student sees it: each module with its items and which of them are done. Progress counts
 * lessons and case studies (completed by reading) and quizzes (completed by submitting them).
 */
public record CourseProgress(List<ModuleProgress> modules) {

  /** One item and whether this student completed it. */
  public record ItemStatus(CourseItem item, boolean completed) {
  }

  /** One module with its items in order. */
  public record ModuleProgress(CourseModule module, List<ItemStatus> items) {

    public long completed() {
      return items.stream().filter(i -> i.item().isCompletable() && i.completed()).count();
    }

    public long total() {
      return items.stream().filter(i -> i.item().isCompletable()).count();
    }

    /** Whole percent, 0 when the module has nothing to read. */
    public int percent() {
      return total() == 0 ? 0 : (int) (100 * completed() / total());
    }
  }

  public long completed() {
    return modules.stream().mapToLong(ModuleProgress::completed).sum();
  }

  public long total() {
    return modules.stream().mapToLong(ModuleProgress::total).sum();
  }

  public int percent() {
    return total() == 0 ? 0 : (int) (100 * completed() / total());
  }

  /** Items in reading order across modules. */
  public List<CourseItem> items() {
    return modules.stream().flatMap(m -> m.items().stream()).map(ItemStatus::item).toList();
  }
}
