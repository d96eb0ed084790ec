package org.ethoslab.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of malformed file yields a problem that names the file and the right line. */
class CurriculumValidationTests {

  @TempDir
  Path root;

  @Test
  void fixtureIsValid() throws Exception {
    List<Course> courses = CurriculumLoader.loadDirectory(new CurriculumFixture().writeTo(root), RegistryLabs.KNOWN);

    Course course = courses.get(0);
    assertThat(course.modules()).hasSize(1);
    CourseModule module = course.modules().get(0);
    assertThat(module.items()).extracting(ModuleItem::id).containsExactly("intro", "check", "lab");
    assertThat(module.items()).extracting(ModuleItem::position).containsExactly(1, 2, 3);
    Quiz quiz = (Quiz) module.items().get(1);
    assertThat(quiz.questions().get(0).correct()).containsExactly(1);
    assertThat(quiz.questions().get(2).answer()).isEqualTo(0.11);
    LabItem lab = (LabItem) module.items().get(2);
    assertThat(lab.defaults()).containsEntry("task", "legal").containsEntry("numSeeds", 5);
    Lesson lesson = (Lesson) module.items().get(0);
    assertThat(lesson.title()).isEqualTo("Introduction");
    assertThat(lesson.markdown()).startsWith("# Introduction");
    assertThat(lesson.contentHash()).hasSize(64);
    assertThat(lesson.sourceFile()).isEqualTo(CurriculumFixture.LESSON);
  }

  @Test
  void yamlSyntaxErrorNamesFileAndLine() throws Exception {
    String broken = new CurriculumFixture().files.get(CurriculumFixture.MODULE)
        .replace("  - id: check\n", "  - id: [check\n");
    assertProblem(new CurriculumFixture().with(CurriculumFixture.MODULE, broken),
        CurriculumFixture.MODULE, 10, "YAML syntax error");
  }

  @Test
  void missingRequiredFieldNamesTheField() throws Exception {
    assertProblem(new CurriculumFixture().with(CurriculumFixture.COURSE, "id: demo\nversion: \"1\"\nsummary: s\n"),
        CurriculumFixture.COURSE, 1, "missing required field 'title'");
  }

  @Test
  void blankFieldIsAProblem() throws Exception {
    assertProblem(new CurriculumFixture().with(CurriculumFixture.COURSE,
            "id: demo\nversion: \"1\"\ntitle: \"  \"\nsummary: s\n"),
        CurriculumFixture.COURSE, 3, "field 'title' must not be blank");
  }

  @Test
  void unknownKeyIsReportedAtItsLine() throws Exception {
    assertProblem(new CurriculumFixture().with(CurriculumFixture.COURSE,
            "id: demo\nversion: \"1\"\ntitle: t\nsumary: typo\nsummary: s\n"),
        CurriculumFixture.COURSE, 4, "unknown key 'sumary'");
  }

  @Test
  void duplicateItemIdIsReported() throws Exception {
    String duplicated = new CurriculumFixture().files.get(CurriculumFixture.MODULE)
        .replace("  - id: check\n", "  - id: intro\n");
    assertProblem(new CurriculumFixture().with(CurriculumFixture.MODULE, duplicated),
        CurriculumFixture.MODULE, 9, "duplicate item id 'intro'");
  }

  @Test
  void duplicateYamlKeyIsReported() throws Exception {
    assertProblem(new CurriculumFixture().with(CurriculumFixture.COURSE,
            "id: demo\nversion: \"1\"\ntitle: t\ntitle: u\nsummary: s\n"),
        CurriculumFixture.COURSE, 4, "duplicate key 'title' (first at line 3)");
  }

  @Test
  void missingItemFileIsReportedAtTheReference() throws Exception {
    assertProblem(new CurriculumFixture().without(CurriculumFixture.LESSON),
        CurriculumFixture.MODULE, 8, "file 'intro.md' does not exist");
  }

  @Test
  void singleChoiceWithTwoCorrectAnswersIsRefused() throws Exception {
    String quiz = new CurriculumFixture().files.get(CurriculumFixture.QUIZ).replace("correct: 1", "correct: [0, 1]");
    assertProblem(new CurriculumFixture().with(CurriculumFixture.QUIZ, quiz),
        CurriculumFixture.QUIZ, 7, "exactly one correct option, found 2");
  }

  @Test
  void correctIndexOutOfRangeIsRefused() throws Exception {
    String quiz = new CurriculumFixture().files.get(CurriculumFixture.QUIZ).replace("correct: [0, 2]", "correct: [0, 3]");
    assertProblem(new CurriculumFixture().with(CurriculumFixture.QUIZ, quiz),
        CurriculumFixture.QUIZ, 13, "'correct' index 3 is out of range");
  }

  @Test
  void numericQuestionNeedsTolerance() throws Exception {
    String quiz = new CurriculumFixture().files.get(CurriculumFixture.QUIZ).replace("    tolerance: 0.01\n", "");
    assertProblem(new CurriculumFixture().with(CurriculumFixture.QUIZ, quiz),
        CurriculumFixture.QUIZ, 16, "missing required field 'tolerance'");
  }

  @Test
  void negativeToleranceIsRefused() throws Exception {
    String quiz = new CurriculumFixture().files.get(CurriculumFixture.QUIZ).replace("tolerance: 0.01", "tolerance: -1");
    assertProblem(new CurriculumFixture().with(CurriculumFixture.QUIZ, quiz),
        CurriculumFixture.QUIZ, 20, "tolerance must be 0 or more");
  }

  @Test
  void emptyOptionsAreRefused() throws Exception {
    String quiz = new CurriculumFixture().files.get(CurriculumFixture.QUIZ).replace("options: [a, b, c]\n    correct: 1",
        "options: []\n    correct: 1");
    assertProblem(new CurriculumFixture().with(CurriculumFixture.QUIZ, quiz),
        CurriculumFixture.QUIZ, 6, "field 'options' must not be empty");
  }

  @Test
  void unknownLabIdIsRefused() throws Exception {
    String lab = new CurriculumFixture().files.get(CurriculumFixture.LAB).replace("labId: w2s", "labId: w3s");
    assertProblem(new CurriculumFixture().with(CurriculumFixture.LAB, lab),
        CurriculumFixture.LAB, 1, "lab id 'w3s' is unknown; known labs are mergealign, prefopt, w2s");
  }

  @Test
  void aCallerThatCannotKnowTheLabsYetGetsEveryLabIdThrough() throws Exception {
    String lab = new CurriculumFixture().files.get(CurriculumFixture.LAB).replace("labId: w2s", "labId: w3s");
    Path dir = Files.createTempDirectory(root, "unchecked");
    new CurriculumFixture().with(CurriculumFixture.LAB, lab).writeTo(dir);

    Course course = CurriculumLoader.loadDirectory(dir, KnownLabs.unchecked()).get(0);

    assertThat(course.modules().get(0).items()).filteredOn(LabItem.class::isInstance)
        .singleElement().satisfies(item -> assertThat(((LabItem) item).labId()).isEqualTo("w3s"));
  }

  @Test
  void withNoKnownLabEveryLabIdIsUnknown() throws Exception {
    Path dir = Files.createTempDirectory(root, "none");
    new CurriculumFixture().writeTo(dir);

    assertThatThrownBy(() -> CurriculumLoader.loadDirectory(dir, KnownLabs.of(List.of())))
        .isInstanceOf(CurriculumException.class)
        .hasMessageContaining("lab id 'w2s' is unknown; known labs are (none)");
  }

  @Test
  void brokenInternalLinkInMarkdownIsReportedAtItsLine() throws Exception {
    String lesson = new CurriculumFixture().files.get(CurriculumFixture.LESSON).replace("item:basics/check", "item:basics/nope");
    assertProblem(new CurriculumFixture().with(CurriculumFixture.LESSON, lesson),
        CurriculumFixture.LESSON, 7, "internal link 'item:basics/nope' points to no item");
  }

  @Test
  void brokenInternalLinkInLabInstructionsIsReportedAtItsLine() throws Exception {
    String lab = new CurriculumFixture().files.get(CurriculumFixture.LAB).replace("item:basics/intro", "item:other/intro");
    assertProblem(new CurriculumFixture().with(CurriculumFixture.LAB, lab),
        CurriculumFixture.LAB, 7, "internal link 'item:other/intro' points to no item");
  }

  @Test
  void frontMatterErrorIsReportedAtTheFileLine() throws Exception {
    assertProblem(new CurriculumFixture().with(CurriculumFixture.LESSON, "---\ntitle: Intro\nminutes: [\n---\n# Intro\n"),
        CurriculumFixture.LESSON, 4, "YAML syntax error");
  }

  @Test
  void unclosedFrontMatterIsReported() throws Exception {
    assertProblem(new CurriculumFixture().with(CurriculumFixture.LESSON, "---\ntitle: Intro\n# Intro\n"),
        CurriculumFixture.LESSON, 1, "no closing '---'");
  }

  @Test
  void fileOverTheSizeLimitIsRefused() throws Exception {
    String huge = "---\ntitle: Big\n---\n" + "x".repeat(CurriculumLimits.MAX_FILE_BYTES);
    assertProblem(new CurriculumFixture().with(CurriculumFixture.LESSON, huge),
        CurriculumFixture.LESSON, 0, "larger than the limit of " + CurriculumLimits.MAX_FILE_BYTES + " bytes");
  }

  @Test
  void unlistedContentFileIsReported() throws Exception {
    assertProblem(new CurriculumFixture().with("demo/modules/01-basics/draft.md", "# Draft\n"),
        "demo/modules/01-basics/draft.md", 0, "is not listed in the items of module.yaml");
  }

  @Test
  void badModuleFolderNameIsReported() throws Exception {
    CurriculumFixture fixture = new CurriculumFixture();
    fixture.with("demo/modules/basics/module.yaml", fixture.files.get(CurriculumFixture.MODULE));
    assertProblem(fixture, "demo/modules/basics", 0, "module folder must be named NN-<module-id>");
  }

  @Test
  void everyProblemIsReportedInOnePass() throws Exception {
    String quiz = new CurriculumFixture().files.get(CurriculumFixture.QUIZ)
        .replace("correct: 1", "correct: 7").replace("type: numeric", "type: numerical");
    String lab = new CurriculumFixture().files.get(CurriculumFixture.LAB).replace("labId: w2s", "labId: unknown");
    CurriculumFixture fixture = new CurriculumFixture().with(CurriculumFixture.QUIZ, quiz)
        .with(CurriculumFixture.LAB, lab)
        .with(CurriculumFixture.COURSE, "id: demo\nversion: \"1\"\nsummary: s\n");

    CurriculumException error = loadExpectingFailure(fixture);

    assertThat(error.problems()).extracting(CurriculumException.Problem::file)
        .contains(CurriculumFixture.QUIZ, CurriculumFixture.LAB, CurriculumFixture.COURSE);
    assertThat(error.problems()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(error.getMessage()).contains(CurriculumFixture.QUIZ + ":7:");
  }

  private void assertProblem(CurriculumFixture fixture, String file, int line, String message) throws IOException {
    CurriculumException error = loadExpectingFailure(fixture);
    assertThat(error.problems())
        .as("problems were: %s", error.getMessage())
        .anySatisfy(problem -> {
          assertThat(problem.file()).isEqualTo(file);
          assertThat(problem.line()).isEqualTo(line);
          assertThat(problem.message()).contains(message);
        });
  }

  private CurriculumException loadExpectingFailure(CurriculumFixture fixture) throws IOException {
    Path dir = Files.createTempDirectory(root, "case");
    fixture.writeTo(dir);
    return (CurriculumException) org.assertj.core.api.Assertions.catchThrowable(
        () -> CurriculumLoader.loadDirectory(dir, RegistryLabs.KNOWN));
  }

  @Test
  void loadingAMissingFolderFails() {
    assertThatThrownBy(() -> CurriculumLoader.loadDirectory(root.resolve("absent"), RegistryLabs.KNOWN))
        .isInstanceOf(CurriculumException.class)
        .hasMessageContaining("is not a directory");
  }
}
