package org.ethoslab.app.course;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored course templates. */
public interface CourseRepository extends JpaRepository<Course, Long> {

  Optional<Course> findBySlug(String slug);

  List<Course> findAllByOrderByTitleAsc();
}
