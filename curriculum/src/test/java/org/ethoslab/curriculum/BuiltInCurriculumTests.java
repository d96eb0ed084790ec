package org.ethoslab.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The curriculum shipped in the jar loads without a single problem, and its index lists exactly the
 * files on disk. Run with {@code -Dcurriculum.writeIndex=true} to rewrite the index after adding files.
 */
class BuiltInCurriculumTests {

  private static final Path SOURCE_ROOT = Path.of("src/main/resources/curriculum");

  @Test
  void builtInCourseLoadsWithoutProblems() throws CurriculumException {
    List<Course> courses = CurriculumLoader.loadBuiltIn(RegistryLabs.KNOWN);

    assertThat(courses).extracting(Course::id).containsExactly("ai-ethics");
    Course course = courses.get(0);
    assertThat(course.title()).isNotBlank();
    assertThat(course.modules()).isNotEmpty();
    assertThat(course.modules().get(0).id()).isEqualTo("weak-to-strong");
    assertThat(course.modules()).allSatisfy(module -> assertThat(module.items()).isNotEmpty());
  }

  @Test
  void builtInCourseFailsAgainstARegistryWithoutItsLabs() {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> CurriculumLoader.loadBuiltIn(KnownLabs.of(java.util.Set.of("w2s"))));

    assertThat(thrown).isInstanceOf(CurriculumException.class)
        .hasMessageContaining("lab id 'mergealign' is unknown")
        .hasMessageContaining("lab id 'prefopt' is unknown");
  }

  @Test
  void indexListsEveryCurriculumFile() throws IOException {
    String expected;
    try (Stream<Path> walk = Files.walk(SOURCE_ROOT)) {
      expected = walk.filter(Files::isRegularFile)
          .map(path -> SOURCE_ROOT.relativize(path).toString().replace('\\', '/'))
          .filter(path -> !path.equals(SourceFiles.INDEX_FILE) && !path.startsWith(".") && !path.contains("/."))
          .sorted()
          .collect(Collectors.joining("\n", "", "\n"));
    }
    Path index = SOURCE_ROOT.resolve(SourceFiles.INDEX_FILE);
    if (Boolean.getBoolean("curriculum.writeIndex")) {
      Files.writeString(index, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(index, StandardCharsets.UTF_8))
        .as("curriculum/index.txt is out of date; rerun this test with -Dcurriculum.writeIndex=true")
        .isEqualTo(expected);
  }
}
