package org.ethoslab.curriculum;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Exports a {@link Course} to curriculum files, as a folder or a zip, in the format
 * {@link CurriculumLoader} reads. Items are written to {@code <item-id>.md} or {@code <item-id>.yaml}
 * in a canonical style, so exporting twice gives the same bytes, and loading an export gives back
 * {@link #normalize(Course) the course with the hashes and source paths of the exported files}.
 */
public final class CurriculumWriter {

  /** A fixed entry time, so that the zip of the same course is byte-for-byte the same every time. */
  private static final long ZIP_ENTRY_TIME = 946_684_800_000L;

  private CurriculumWriter() {
  }

  /**
   * The files of {@code course}, keyed by path relative to the curriculum root
   * ({@code <course-id>/course.yaml}, …), in path order.
   */
  public static SortedMap<String, byte[]> render(Course course) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    Map<String, Object> courseYaml = new LinkedHashMap<>();
    courseYaml.put("id", course.id());
    courseYaml.put("version", course.version());
    courseYaml.put("title", course.title());
    courseYaml.put("summary", course.summary());
    files.put(course.id() + "/" + CourseReader.COURSE_FILE, CanonicalYaml.dump(courseYaml));
    for (CourseModule module : course.modules()) {
      String dir = moduleDir(course, module);
      List<Map<String, Object>> items = new ArrayList<>();
      for (ModuleItem item : module.items()) {
        String file = fileName(item);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", item.id());
        entry.put("kind", CourseReader.kindName(item.kind()));
        entry.put("file", file);
        items.add(entry);
        files.put(dir + "/" + file, renderItem(item));
      }
      Map<String, Object> moduleYaml = new LinkedHashMap<>();
      moduleYaml.put("title", module.title());
      moduleYaml.put("summary", module.summary());
      moduleYaml.put("objectives", module.objectives());
      moduleYaml.put("items", items);
      files.put(dir + "/" + CourseReader.MODULE_FILE, CanonicalYaml.dump(moduleYaml));
    }
    return files;
  }

  /**
   * {@code course} as it will load after export: each item's {@code contentHash} and {@code sourceFile}
   * replaced by those of its exported file. Content (text, keys, order) is unchanged.
   */
  public static Course normalize(Course course) {
    List<CourseModule> modules = new ArrayList<>();
    for (CourseModule module : course.modules()) {
      String dir = moduleDir(course, module);
      List<ModuleItem> items = new ArrayList<>();
      for (ModuleItem item : module.items()) {
        String path = dir + "/" + fileName(item);
        String hash = ContentHash.of(renderItem(item));
        items.add(withSource(item, hash, path));
      }
      modules.add(new CourseModule(module.id(), module.position(), module.title(), module.summary(),
          module.objectives(), items));
    }
    return new Course(course.id(), course.version(), course.title(), course.summary(), modules);
  }

  /** Writes {@code course} under {@code root}; refuses to touch an existing course folder. */
  public static void writeDirectory(Course course, Path root) throws IOException {
    Path courseDir = root.resolve(course.id());
    if (Files.exists(courseDir)) {
      throw new FileAlreadyExistsException(courseDir.toString(), null, "course folder already exists");
    }
    for (Map.Entry<String, byte[]> file : render(course).entrySet()) {
      Path target = root.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }

  /** Writes the courses as one zip to {@code out}, which is finished but left open. */
  public static void writeZip(List<Course> courses, OutputStream out) throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (Course course : courses) {
      files.putAll(render(course));
    }
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      ZipEntry entry = new ZipEntry(file.getKey());
      entry.setTime(ZIP_ENTRY_TIME);
      zip.putNextEntry(entry);
      zip.write(file.getValue());
      zip.closeEntry();
    }
    zip.finish();
  }

  private static String moduleDir(Course course, CourseModule module) {
    return String.format("%s/%s/%02d-%s", course.id(), CourseReader.MODULES_DIR, module.position(), module.id());
  }

  private static String fileName(ModuleItem item) {
    return item.id() + (item instanceof Lesson ? ".md" : ".yaml");
  }

  private static ModuleItem withSource(ModuleItem item, String hash, String path) {
    if (item instanceof Lesson l) {
      return new Lesson(l.id(), l.title(), l.position(), l.kind(), l.markdown(), l.estimatedMinutes(), hash, path);
    }
    if (item instanceof Quiz q) {
      return new Quiz(q.id(), q.title(), q.position(), q.questions(), hash, path);
    }
    LabItem b = (LabItem) item;
    return new LabItem(b.id(), b.title(), b.position(), b.labId(), b.instructions(), b.defaults(), hash, path);
  }

  private static byte[] renderItem(ModuleItem item) {
    if (item instanceof Lesson lesson) {
      return renderLesson(lesson);
    }
    if (item instanceof Quiz quiz) {
      return renderQuiz(quiz);
    }
    return renderLab((LabItem) item);
  }

  private static byte[] renderLesson(Lesson lesson) {
    Map<String, Object> front = new LinkedHashMap<>();
    front.put("title", lesson.title());
    front.put("minutes", lesson.estimatedMinutes());
    String text = "---\n" + new String(CanonicalYaml.dump(front), StandardCharsets.UTF_8) + "---\n"
        + lesson.markdown();
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] renderQuiz(Quiz quiz) {
    List<Map<String, Object>> questions = new ArrayList<>();
    for (Quiz.Question question : quiz.questions()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", question.id());
      entry.put("type", question.type().name().toLowerCase(java.util.Locale.ROOT));
      entry.put("prompt", question.prompt());
      if (question.type() == Quiz.QuestionType.NUMERIC) {
        entry.put("answer", question.answer());
        entry.put("tolerance", question.tolerance());
      } else {
        entry.put("options", question.options());
        entry.put("correct", question.correct());
      }
      entry.put("explanation", question.explanation());
      entry.put("points", question.points());
      questions.add(entry);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("title", quiz.title());
    document.put("questions", questions);
    return CanonicalYaml.dump(document);
  }

  private static byte[] renderLab(LabItem lab) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("labId", lab.labId());
    document.put("title", lab.title());
    if (!lab.defaults().isEmpty()) {
      document.put("defaults", new TreeMap<>(lab.defaults()));
    }
    document.put("instructions", lab.instructions());
    return CanonicalYaml.dump(document);
  }
}
