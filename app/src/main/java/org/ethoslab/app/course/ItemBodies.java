package org.ethoslab.app.course;

import java.util.List;
import java.util.Map;

import org.ethoslab.curriculum.LabItem;
import org.ethoslab.curriculum.Lesson;
import org.ethoslab.curriculum.ModuleItem;
import org.ethoslab.curriculum.Quiz;

import tools.jackson.databind.json.JsonMapper;

/**
 * How an item's content is kept in the {@code body} column: a lesson as its Markdown, a quiz as its questions in
 * JSON, a lab as its lab id, instructions and parameter defaults in JSON. Keeping the curriculum records'
 * shape means later features (quiz grading, lab pages) read back exactly what the author wrote.
 */
public final class ItemBodies {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ItemBodies() {
  }

  /** The lab part of a lab item, as stored. */
  public record LabBody(String labId, String instructions, Map<String, Object> defaults) {
  }

  /** The body text for an item from the curriculum. */
  public static String encode(ModuleItem item) {
    if (item instanceof Lesson lesson) {
      return lesson.markdown();
    }
    if (item instanceof Quiz quiz) {
      return JSON.writeValueAsString(quiz.questions());
    }
    LabItem lab = (LabItem) item;
    return JSON.writeValueAsString(new LabBody(lab.labId(), lab.instructions(), lab.defaults()));
  }

  /** The questions of a stored quiz item, in authored order. */
  public static List<Quiz.Question> quizQuestions(CourseItem item) {
    return List.of(JSON.readValue(item.getBody(), Quiz.Question[].class));
  }

  /** The lab definition of a stored lab item. */
  public static LabBody lab(CourseItem item) {
    return JSON.readValue(item.getBody(), LabBody.class);
  }
}
