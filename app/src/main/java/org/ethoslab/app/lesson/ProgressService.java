package org.ethoslab.app.lesson;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.course.CourseModule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a student's progress through a course and records completed lessons. */
@Service
public class ProgressService {

  private final CourseItemRepository items;
  private final ItemCompletionRepository completions;
  private final Clock clock;

  ProgressService(CourseItemRepository items, ItemCompletionRepository completions, Clock clock) {
    this.items = items;
    this.completions = completions;
    this.clock = clock;
  }

  /**
   * The outline of a course with the completions of one enrollment; with no enrollment (an instructor looking at
   * their offering) nothing is marked done.
   */
  @Transactional(readOnly = true)
  public CourseProgress progress(long courseId, Optional<Long> enrollmentId) {
    Set<Long> done = enrollmentId.map(id -> Set.copyOf(completions.findItemIds(id))).orElse(Set.of());
    Map<CourseModule, List<CourseProgress.ItemStatus>> byModule = new LinkedHashMap<>();
    for (CourseItem item : items.findActiveByCourse(courseId)) {
      byModule.computeIfAbsent(item.getModule(), m -> new ArrayList<>())
          .add(new CourseProgress.ItemStatus(item, done.contains(item.getId())));
    }
    List<CourseProgress.ModuleProgress> modules = byModule.entrySet().stream()
        .map(e -> new CourseProgress.ModuleProgress(e.getKey(), List.copyOf(e.getValue())))
        .toList();
    return new CourseProgress(modules);
  }

  /**
   * Marks an item completed for an enrollment. Completing twice is harmless.
   *
   * @return true when this call recorded it, false when it was already done
   */
  @Transactional
  public boolean complete(long enrollmentId, long itemId) {
    if (completions.existsByEnrollmentIdAndItemId(enrollmentId, itemId)) {
      return false;
    }
    completions.save(new ItemCompletion(enrollmentId, itemId, OffsetDateTime.now(clock)));
    return true;
  }
}
