package org.ethoslab.curriculum;

import java.util.List;

/**
 * A course template as authored in files: {@code course.yaml} plus one folder per module.
 *
 * @param id       stable identifier (folder name), e.g. {@code ai-ethics}
 * @param version  content version from course.yaml; the importer updates the database when it changes
 * @param title    display title
 * @param summary  one-paragraph description (Markdown)
 * @param modules  modules in display order
 */
public record Course(String id, String version, String title, String summary, List<CourseModule> modules) {
  public Course {
    modules = List.copyOf(modules);
  }
}
