package org.ethoslab.app.lesson;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.course.CourseModule;
import org.ethoslab.app.offering.Enrollment;
import org.ethoslab.app.offering.EnrollmentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a student's progress through a course and records completed lessons. */
@Service
public class ProgressService {

  private final CourseItemRepository items;
  private final ItemCompletionRepository completions;
  private final EnrollmentRepository enrollments;
  private final Clock clock;

  ProgressService(CourseItemRepository items, ItemCompletionRepository completions, EnrollmentRepository enrollments,
                  Clock clock) {
    this.items = items;
    this.completions = completions;
    this.enrollments = enrollments;
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

  /** One student of an offering and how far they are, for the teacher's view. */
  public record StudentProgress(Enrollment enrollment, long completed, long total) {

    public int percent() {
      return total == 0 ? 0 : (int) (100 * completed / total);
    }
  }

  /** Every student enrolled in an offering with their completed lessons and quizzes, in order of joining. */
  @Transactional(readOnly = true)
  public List<StudentProgress> roster(long offeringId, long courseId) {
    List<Enrollment> enrolled = enrollments.findByOfferingWithStudents(offeringId);
    List<Long> itemIds = items.findActiveByCourse(courseId).stream()
        .filter(CourseItem::isCompletable).map(CourseItem::getId).toList();
    Map<Long, Long> done = new HashMap<>();
    if (!enrolled.isEmpty() && !itemIds.isEmpty()) {
      for (Object[] row : completions.countCompleted(enrolled.stream().map(Enrollment::getId).toList(), itemIds)) {
        done.put((Long) row[0], (Long) row[1]);
      }
    }
    return enrolled.stream()
        .map(e -> new StudentProgress(e, done.getOrDefault(e.getId(), 0L), itemIds.size()))
        .toList();
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
