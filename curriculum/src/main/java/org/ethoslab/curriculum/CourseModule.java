package org.ethoslab.curriculum;

import java.util.List;

/**
 * One module of a course (a topic), with its learning objectives and ordered items.
 *
 * @param id          stable identifier unique within the course (folder name without the order prefix)
 * @param position    1-based display order
 * @param title       display title
 * @param summary     short description (Markdown)
 * @param objectives  learning objectives, one sentence each
 * @param items       lessons, case studies, quizzes and labs in display order
 */
public record CourseModule(String id, int position, String title, String summary,
                           List<String> objectives, List<ModuleItem> items) {
  public CourseModule {
    objectives = List.copyOf(objectives);
    items = List.copyOf(items);
  }
}
