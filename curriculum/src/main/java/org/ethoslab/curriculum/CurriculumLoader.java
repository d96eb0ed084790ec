package org.ethoslab.curriculum;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads and validates courses from curriculum files (see {@code curriculum/README.md} for the format).
 *
 * <p>Every method validates everything before it returns: on any problem it throws a
 * {@link CurriculumException} carrying every problem found, each with its file and line, and returns
 * nothing, so a caller never sees a half-loaded curriculum. Lab ids are checked against the {@link KnownLabs} the
 * caller passes: this module knows no labs of its own.
 */
public final class CurriculumLoader {

  /** Classpath folder of the built-in curriculum. */
  public static final String BUILT_IN_ROOT = "curriculum";

  private CurriculumLoader() {
  }

  /** The courses shipped in this module's jar, checked against {@code labs} (e.g. the app's published labs). */
  public static List<Course> loadBuiltIn(KnownLabs labs) throws CurriculumException {
    ProblemList problems = new ProblemList();
    SourceFiles files = SourceFiles.fromClasspath(CurriculumLoader.class.getClassLoader(), BUILT_IN_ROOT, problems);
    return read(files, labs, problems);
  }

  /** Courses in a folder whose subfolders are course folders ({@code <root>/<course-id>/course.yaml}). */
  public static List<Course> loadDirectory(Path root, KnownLabs labs) throws CurriculumException {
    ProblemList problems = new ProblemList();
    return read(SourceFiles.fromDirectory(root, problems), labs, problems);
  }

  /**
   * Courses in a zip laid out like a curriculum folder ({@code <course-id>/course.yaml} at its top). The
   * stream is read to its end and closed.
   */
  public static List<Course> loadZip(InputStream zip, KnownLabs labs) throws CurriculumException {
    ProblemList problems = new ProblemList();
    return read(SourceFiles.fromZip(zip, problems), labs, problems);
  }

  private static List<Course> read(SourceFiles files, KnownLabs labs, ProblemList problems)
      throws CurriculumException {
    List<Course> courses = new CourseReader(files, labs, problems).read();
    problems.throwIfAny();
    return List.copyOf(courses);
  }
}
