package org.ethoslab.app.course;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stored module items. */
public interface CourseItemRepository extends JpaRepository<CourseItem, Long> {

  /** Items students can see in a course, in module then item order. */
  @Query("select i from CourseItem i join fetch i.module m where m.course.id = :courseId "
      + "and i.retired = false and i.published = true and m.retired = false order by m.position, i.position")
  List<CourseItem> findActiveByCourse(long courseId);
}
