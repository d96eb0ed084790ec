package org.ethoslab.app.authoring;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ethoslab.app.course.Course;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseModule;
import org.ethoslab.app.course.ItemBodies;
import org.ethoslab.curriculum.CurriculumException;
import org.ethoslab.curriculum.CurriculumLoader;
import org.ethoslab.curriculum.CurriculumWriter;
import org.ethoslab.curriculum.ItemKind;
import org.ethoslab.curriculum.KnownLabs;
import org.ethoslab.curriculum.LabItem;
import org.ethoslab.curriculum.Lesson;
import org.ethoslab.curriculum.ModuleItem;
import org.ethoslab.curriculum.Quiz;

/**
 * Moves courses between the database and the curriculum file format. Export writes what students see: published
 * items only, modules without any published item left out (the format requires at least one item per module).
 * Every authored change is validated by writing the whole course with the change in place and loading it back
 * with {@link CurriculumLoader}, so the app accepts exactly what the file format accepts, with the same
 * {@code file:line} messages.
 */
final class CourseFiles {

  private CourseFiles() {
  }

  /** An unpublished change to one item: the authored source replaces the item's file. */
  record Change(CourseItem item, String title, String source) {
  }

  /** The published state of a stored course as a curriculum course. */
  static org.ethoslab.curriculum.Course toCurriculum(Course course) {
    return toCurriculum(course, null);
  }

  /**
   * The course with {@code change} applied (null: none), validated by loading it back against {@code labs}; returns
   * the loaded course.
   */
  static org.ethoslab.curriculum.Course validate(Course course, Change change, KnownLabs labs)
      throws CurriculumException {
    org.ethoslab.curriculum.Course draft = toCurriculum(course, change);
    SortedMap<String, byte[]> files = CurriculumWriter.render(draft);
    if (change != null && change.item().getKind() != ItemKind.LESSON
        && change.item().getKind() != ItemKind.CASE_STUDY) {
      String suffix = "-" + change.item().getModule().getSlug() + "/" + change.item().getSlug() + ".yaml";
      files.keySet().stream().filter(k -> k.endsWith(suffix)).findFirst()
          .ifPresent(k -> files.put(k, change.source().getBytes(StandardCharsets.UTF_8)));
    }
    List<org.ethoslab.curriculum.Course> loaded = CurriculumLoader.loadZip(new ByteArrayInputStream(zip(files)), labs);
    return loaded.get(0);
  }

  /** The item's authored source: a lesson's Markdown, or a quiz's or lab's YAML file as the format writes it. */
  static String authoredSource(CourseItem item) {
    if (item.isReading()) {
      return item.getBody();
    }
    ModuleItem record = toRecord(item, 1, item.getTitle(), null);
    org.ethoslab.curriculum.Course single = new org.ethoslab.curriculum.Course("single", "1", "single", "single",
        List.of(new org.ethoslab.curriculum.CourseModule("module", 1, "module", "module", List.of("objective"),
            List.of(record))));
    String suffix = "/" + item.getSlug() + ".yaml";
    return CurriculumWriter.render(single).entrySet().stream().filter(e -> e.getKey().endsWith(suffix))
        .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
  }

  /** The loaded record of one item in a validated course. */
  static ModuleItem find(org.ethoslab.curriculum.Course course, String moduleSlug, String itemSlug) {
    return course.modules().stream().filter(m -> m.id().equals(moduleSlug)).flatMap(m -> m.items().stream())
        .filter(i -> i.id().equals(itemSlug)).findFirst().orElseThrow();
  }

  static byte[] zip(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    }
    catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  static byte[] exportZip(Course course) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      CurriculumWriter.writeZip(List.of(toCurriculum(course)), bytes);
    }
    catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  private static org.ethoslab.curriculum.Course toCurriculum(Course course, Change change) {
    List<org.ethoslab.curriculum.CourseModule> modules = new ArrayList<>();
    for (CourseModule module : course.getModules()) {
      if (module.isRetired()) {
        continue;
      }
      List<ModuleItem> items = new ArrayList<>();
      List<CourseItem> ordered = module.getItems().stream()
          .sorted(java.util.Comparator.comparingInt(CourseItem::getPosition)).toList();
      for (CourseItem item : ordered) {
        boolean changed = change != null && change.item().getId().equals(item.getId());
        if (item.isRetired() || (!item.isPublished() && !changed)) {
          continue;
        }
        items.add(changed ? toRecord(item, items.size() + 1, change.title(), change.source())
            : toRecord(item, items.size() + 1, item.getTitle(), null));
      }
      if (!items.isEmpty()) {
        modules.add(new org.ethoslab.curriculum.CourseModule(module.getSlug(), modules.size() + 1, module.getTitle(),
            module.getSummary(), module.getObjectives(), items));
      }
    }
    return new org.ethoslab.curriculum.Course(course.getCurriculumId(), course.getContentVersion(), course.getTitle(),
        course.getSummary(), modules);
  }

  /** A record for the writer; {@code markdown} replaces a lesson's text (null: the published body). */
  private static ModuleItem toRecord(CourseItem item, int position, String title, String markdown) {
    return switch (item.getKind()) {
      case LESSON, CASE_STUDY -> {
        String text = markdown != null ? markdown : item.getBody();
        int minutes = markdown != null || item.getEstimatedMinutes() < 1 ? readingMinutes(text)
            : item.getEstimatedMinutes();
        yield new Lesson(item.getSlug(), title, position, item.getKind(), text, minutes, "", "");
      }
      // A quiz or lab change arrives as a whole YAML file and is put in place after rendering (see validate).
      case QUIZ -> new Quiz(item.getSlug(), title, position, ItemBodies.quizQuestions(item), "", "");
      case LAB -> {
        ItemBodies.LabBody lab = ItemBodies.lab(item);
        yield new LabItem(item.getSlug(), title, position, lab.labId(), lab.instructions(),
            lab.defaults() == null ? Map.of() : lab.defaults(), "", "");
      }
    };
  }

  /** The format's own estimate: 200 words a minute, at least one minute. */
  static int readingMinutes(String markdown) {
    String text = markdown == null ? "" : markdown.strip();
    int words = text.isEmpty() ? 0 : text.split("\\s+").length;
    return Math.max(1, (int) Math.ceil(words / 200.0));
  }
}
