package org.ethoslab.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export re-imports to an equal course, as a zip and as a folder; hostile zips are refused. */
class CurriculumRoundTripTests {

  @TempDir
  Path root;

  @Test
  void zipRoundTripGivesAnEqualCourse() throws Exception {
    Course original = CurriculumLoader.loadDirectory(new CurriculumFixture().writeTo(root), RegistryLabs.KNOWN).get(0);

    byte[] zip = zip(List.of(original));
    Course reloaded = CurriculumLoader.loadZip(new ByteArrayInputStream(zip), RegistryLabs.KNOWN).get(0);

    assertThat(reloaded).isEqualTo(CurriculumWriter.normalize(original));
    assertThat(zip(List.of(reloaded))).as("exporting an export gives the same bytes").isEqualTo(zip);
  }

  @Test
  void builtInCourseRoundTripsThroughZip() throws Exception {
    List<Course> builtIn = CurriculumLoader.loadBuiltIn(RegistryLabs.KNOWN);

    List<Course> reloaded = CurriculumLoader.loadZip(new ByteArrayInputStream(zip(builtIn)), RegistryLabs.KNOWN);

    assertThat(reloaded).containsExactlyElementsOf(builtIn.stream().map(CurriculumWriter::normalize).toList());
  }

  @Test
  void directoryRoundTripGivesAnEqualCourse() throws Exception {
    Course original = CurriculumLoader.loadDirectory(new CurriculumFixture().writeTo(root.resolve("in")),
        RegistryLabs.KNOWN).get(0);

    CurriculumWriter.writeDirectory(original, root.resolve("out"));

    assertThat(CurriculumLoader.loadDirectory(root.resolve("out"), RegistryLabs.KNOWN))
        .containsExactly(CurriculumWriter.normalize(original));
  }

  @Test
  void writerRefusesToOverwriteACourseFolder() throws Exception {
    Course original = CurriculumLoader.loadDirectory(new CurriculumFixture().writeTo(root), RegistryLabs.KNOWN).get(0);

    assertThatThrownBy(() -> CurriculumWriter.writeDirectory(original, root)).isInstanceOf(IOException.class);
  }

  @Test
  void zipEntryEscapingTheRootIsRefused() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("../evil/course.yaml"));
      zip.write("id: evil\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }

    assertThatThrownBy(() -> CurriculumLoader.loadZip(new ByteArrayInputStream(bytes.toByteArray()),
        RegistryLabs.KNOWN))
        .isInstanceOf(CurriculumException.class)
        .hasMessageContaining("../evil/course.yaml: zip entry path must be relative");
  }

  @Test
  void notAZipIsRefused() {
    assertThatThrownBy(() -> CurriculumLoader.loadZip(
        new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), RegistryLabs.KNOWN))
        .isInstanceOf(CurriculumException.class);
  }

  @Test
  void brokenInternalLinkFailsTheWholeLoad() throws Exception {
    String lesson = new CurriculumFixture().files.get(CurriculumFixture.LESSON)
        .replace("item:basics/check", "item:basics/missing-quiz");
    Path dir = new CurriculumFixture().with(CurriculumFixture.LESSON, lesson).writeTo(root);

    assertThatThrownBy(() -> CurriculumLoader.loadDirectory(dir, RegistryLabs.KNOWN))
        .isInstanceOf(CurriculumException.class)
        .hasMessageContaining(CurriculumFixture.LESSON + ":7: internal link 'item:basics/missing-quiz'");
  }

  private static byte[] zip(List<Course> courses) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CurriculumWriter.writeZip(courses, out);
    return out.toByteArray();
  }
}
