package org.ethoslab.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Odd shapes of input (wrong YAML types, empty files, bad bytes, CRLF) end in a {@link CurriculumException}
 * that names the file, never in another exception and never in a partial result.
 */
class CurriculumEdgeCaseTests {

  @TempDir
  Path root;

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        Arguments.of(CurriculumFixture.MODULE, "- just\n- a list\n", "must be a mapping"),
        Arguments.of(CurriculumFixture.MODULE, "", "is empty"),
        Arguments.of(CurriculumFixture.MODULE,
            "title: t\nsummary: s\nobjectives: [o]\nitems:\n  - just-a-string\n", "must be a mapping"),
        Arguments.of(CurriculumFixture.MODULE, "title: t\nsummary: s\nobjectives: o\nitems: []\n", "must be a list"),
        Arguments.of(CurriculumFixture.QUIZ, "title: t\nquestions: nothing\n", "must be a list"),
        Arguments.of(CurriculumFixture.QUIZ,
            "title: t\nquestions:\n  - id: q\n    type: single\n    prompt: p\n    options: [a, {b: c}]\n"
                + "    correct: abc\n    explanation: e\n", "must be non-blank text"),
        Arguments.of(CurriculumFixture.QUIZ,
            "title: t\nquestions:\n  - id: q\n    type: numeric\n    prompt: p\n    answer: lots\n"
                + "    tolerance: 0\n    explanation: e\n", "must be a finite number"),
        Arguments.of(CurriculumFixture.QUIZ,
            "title: t\nquestions:\n  - id: q\n    type: multiple\n    prompt: p\n    options: [a, b]\n"
                + "    correct: [0, 1]\n    explanation: e\n", "needs at least one wrong option"),
        Arguments.of(CurriculumFixture.LAB,
            "labId: w2s\ntitle: t\ndefaults:\n  nested: {a: 1}\ninstructions: i\n", "nested mappings are not allowed"),
        Arguments.of(CurriculumFixture.LAB, "labId: w2s\ntitle: t\ndefaults: [1]\ninstructions: i\n", "must be a mapping"),
        Arguments.of(CurriculumFixture.LESSON, "---\ntitle: [a, b]\n---\nBody\n", "must be text"),
        Arguments.of(CurriculumFixture.LESSON, "---\nminutes: 5\n---\nNo heading here.\n", "has no title"),
        Arguments.of(CurriculumFixture.LESSON, "---\ntitle: t\nauthor: me\n---\nBody\n", "unknown key 'author'"),
        Arguments.of(CurriculumFixture.LESSON, "[bad](item:not a link)\n# T\n", "must have the form"),
        Arguments.of(CurriculumFixture.COURSE, "id: other\nversion: 1\ntitle: t\nsummary: s\n", "must equal the course folder"),
        Arguments.of(CurriculumFixture.COURSE, "id: demo\nversion: 1\ntitle: t\nsummary: s\n&a [*a]\n", "YAML"));
  }

  @ParameterizedTest
  @MethodSource("brokenFiles")
  void brokenFileEndsInACurriculumExceptionNamingIt(String path, String content, String message) throws Exception {
    Path dir = new CurriculumFixture().with(path, content).writeTo(Files.createTempDirectory(root, "case"));

    Throwable thrown = catchThrowable(() -> CurriculumLoader.loadDirectory(dir, RegistryLabs.KNOWN));

    assertThat(thrown).isInstanceOf(CurriculumException.class);
    assertThat(((CurriculumException) thrown).problems())
        .as("problems were: %s", thrown.getMessage())
        .anySatisfy(problem -> {
          assertThat(problem.file()).isEqualTo(path);
          assertThat(problem.message()).contains(message);
        });
  }

  @Test
  void invalidUtf8IsReported() throws Exception {
    Path dir = new CurriculumFixture().writeTo(root);
    Files.write(dir.resolve(CurriculumFixture.LESSON), new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'});

    Throwable thrown = catchThrowable(() -> CurriculumLoader.loadDirectory(dir, RegistryLabs.KNOWN));

    assertThat(thrown).isInstanceOf(CurriculumException.class)
        .hasMessageContaining(CurriculumFixture.LESSON + ": is not valid UTF-8 text");
  }

  @Test
  void windowsLineEndingsAndByteOrderMarkAreAccepted() throws Exception {
    CurriculumFixture fixture = new CurriculumFixture();
    fixture.files.replaceAll((path, text) -> text.replace("\n", "\r\n"));
    fixture.with(CurriculumFixture.LESSON, "\uFEFF" + fixture.files.get(CurriculumFixture.LESSON));

    Course course = CurriculumLoader.loadDirectory(fixture.writeTo(root), RegistryLabs.KNOWN).get(0);

    Lesson lesson = (Lesson) course.modules().get(0).items().get(0);
    assertThat(lesson.title()).isEqualTo("Introduction");
    assertThat(lesson.estimatedMinutes()).isEqualTo(5);
  }

  @Test
  void symbolicLinksAreNotFollowed() throws Exception {
    Path outside = Files.writeString(Files.createTempDirectory(root, "outside").resolve("secret.md"), "# Secret\n");
    Path dir = new CurriculumFixture().without(CurriculumFixture.LESSON).writeTo(root.resolve("linked"));
    Files.createSymbolicLink(dir.resolve(CurriculumFixture.LESSON), outside);

    Throwable thrown = catchThrowable(() -> CurriculumLoader.loadDirectory(dir, RegistryLabs.KNOWN));

    assertThat(thrown).isInstanceOf(CurriculumException.class).hasMessageContaining("file 'intro.md' does not exist");
  }

  @Test
  void courseWithoutModulesIsReported() throws Exception {
    Path dir = root.resolve("only");
    Files.createDirectories(dir.resolve("demo"));
    Files.writeString(dir.resolve(CurriculumFixture.COURSE), "id: demo\nversion: 1\ntitle: t\nsummary: s\n");

    Throwable thrown = catchThrowable(() -> CurriculumLoader.loadDirectory(dir, RegistryLabs.KNOWN));

    assertThat(thrown).isInstanceOf(CurriculumException.class).hasMessageContaining("the course has no modules");
  }
}
