package org.ethoslab.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text that YAML would read as something else (numbers, booleans, null, markers) survives an export. */
class CurriculumWriterTests {

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "yes", "null", "~", "- dash", "# hash", "key: value", "'quoted'", "\"double\"",
      "trailing space ", " leading space", "tab\there", "München – ünïcödé ✓", "0x1F", "2026-11-21", "@at", "*star",
      "multi\nline", "multi\nline\n", "multi\nline\n\n", "  indented\nblock\n", "line with trailing spaces  \nnext\n",
      "[brackets]", "{braces}", "a | b"})
  void trickyTextRoundTrips(String text) throws Exception {
    Course original = course(text);

    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    CurriculumWriter.writeZip(List.of(original), zip);
    Course reloaded = CurriculumLoader.loadZip(new ByteArrayInputStream(zip.toByteArray()), RegistryLabs.KNOWN).get(0);

    assertThat(reloaded).isEqualTo(CurriculumWriter.normalize(original));
  }

  @Test
  void renderIsDeterministic() {
    Course course = course("same");

    assertThat(CurriculumWriter.render(course).get("demo/modules/01-basics/check.yaml"))
        .isEqualTo(CurriculumWriter.render(course).get("demo/modules/01-basics/check.yaml"));
  }

  /** A course whose every text field carries {@code text} (blank-only fields get a prefix so they stay valid). */
  private static Course course(String text) {
    String nonBlank = "x" + text;
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("task", nonBlank);
    defaults.put("numSeeds", 5);
    defaults.put("rate", 0.25);
    defaults.put("flag", true);
    defaults.put("list", List.of(1, 2));
    Lesson lesson = new Lesson("intro", nonBlank, 1, ItemKind.LESSON, "# Heading\n\n" + text + "\n", 3, "", "");
    Quiz quiz = new Quiz("check", nonBlank, 2, List.of(
        new Quiz.Question("one", Quiz.QuestionType.SINGLE, nonBlank, List.of(nonBlank, "other"), List.of(0),
            null, 0, nonBlank, 1),
        new Quiz.Question("num", Quiz.QuestionType.NUMERIC, nonBlank, List.of(), List.of(), 12.0, 0, nonBlank, 2)),
        "", "");
    LabItem lab = new LabItem("lab", nonBlank, 3, "w2s", nonBlank, defaults, "", "");
    CourseModule module = new CourseModule("basics", 1, nonBlank, nonBlank, List.of(nonBlank),
        List.of(lesson, quiz, lab));
    return new Course("demo", nonBlank, nonBlank, nonBlank, List.of(module));
  }
}
