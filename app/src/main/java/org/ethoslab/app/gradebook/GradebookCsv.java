package org.ethoslab.app.gradebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ethoslab.app.course.CourseItem;

/**
 * Writes a gradebook as RFC 4180 CSV: every field quoted when it holds a comma, quote, CR or LF, quotes doubled, lines
 * ended by CRLF. Spreadsheets run a cell that starts with {@code = + - @} (or a tab or CR) as a formula, so such text
 * gets a leading apostrophe — a student's display name must never become a formula on the instructor's machine.
 * Numbers the gradebook itself writes are never prefixed (a score is not negative).
 */
final class GradebookCsv {

  private GradebookCsv() {
  }

  /** Columns: student name, email, then per item its score, max, attempts and late flag. */
  static String write(Gradebook book) {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("Student", "Email"));
    for (CourseItem item : book.items()) {
      header.add(item.getTitle() + " score");
      header.add(item.getTitle() + " max");
      header.add(item.getTitle() + " attempts");
      header.add(item.getTitle() + " late");
    }
    line(out, header);
    for (Gradebook.Row row : book.rows()) {
      List<String> fields = new ArrayList<>(List.of(row.student().getDisplayName(), row.student().getEmail()));
      for (CourseItem item : book.items()) {
        Gradebook.Cell cell = row.cell(item);
        fields.add(number(cell.score()));
        fields.add(number(cell.maxScore()));
        fields.add(Integer.toString(cell.attempts()));
        fields.add(cell.late() ? "late" : "");
      }
      line(out, fields);
    }
    return out.toString();
  }

  static String number(Double value) {
    if (value == null) {
      return "";
    }
    return value == Math.rint(value) ? Long.toString(value.longValue()) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append("\r\n");
  }

  /** One field, made inert for spreadsheets and quoted when needed. */
  static String field(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
