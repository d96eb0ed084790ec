package org.ethoslab.app.gradebook;

import java.util.List;
import java.util.Map;

import org.ethoslab.app.account.UserAccount;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.offering.Offering;

/**
 * Students × graded items of one offering, as the instructor sees it and the CSV export writes it.
 *
 * @param offering the offering
 * @param items    its labs and quizzes in course order
 * @param rows     one row per enrolled student, in joining order
 */
public record Gradebook(Offering offering, List<CourseItem> items, List<Row> rows) {

  /** One student and a cell per item id. */
  public record Row(UserAccount student, Map<Long, Cell> cells) {

    /** The cell of an item; an empty cell when the student has nothing there. */
    public Cell cell(CourseItem item) {
      return cells.getOrDefault(item.getId(), Cell.EMPTY);
    }
  }

  /**
   * What counts for one student on one item.
   *
   * @param score        the counting score (after late penalty and any override), null when nothing is graded
   * @param maxScore     the most that could be earned, null when unknown
   * @param attempts     attempts used (refunded ones not counted)
   * @param late         true when the counting submission was late
   * @param overridden   true when an instructor changed the counting score by hand
   * @param submissionId the counting lab submission (null for quizzes and when none)
   * @param latestId     the student's most recent lab submission, graded or not (null when none)
   */
  public record Cell(Double score, Double maxScore, int attempts, boolean late, boolean overridden,
                     Long submissionId, Long latestId) {

    static final Cell EMPTY = new Cell(null, null, 0, false, false, null, null);

    public boolean isEmpty() {
      return attempts == 0 && score == null && latestId == null;
    }
  }
}
