package org.ethoslab.curriculum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the courses in a set of {@link SourceFiles}: every top-level folder with a {@code course.yaml},
 * its {@code modules/NN-<module-id>/module.yaml} files and the items they list.
 */
final class CourseReader {

  static final String COURSE_FILE = "course.yaml";
  static final String MODULE_FILE = "module.yaml";
  static final String MODULES_DIR = "modules";
  static final Set<String> COURSE_KEYS = Set.of("id", "version", "title", "summary");
  static final Set<String> MODULE_KEYS = Set.of("title", "summary", "objectives", "items");
  static final Set<String> ITEM_KEYS = Set.of("id", "kind", "file");
  private static final Pattern MODULE_DIR = Pattern.compile("(\\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)");
  private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

  private final SourceFiles files;
  private final KnownLabs labs;
  private final ProblemList problems;

  CourseReader(SourceFiles files, KnownLabs labs, ProblemList problems) {
    this.files = files;
    this.labs = labs;
    this.problems = problems;
  }

  List<Course> read() {
    Set<String> courseDirs = new LinkedHashSet<>();
    for (String path : files.all().keySet()) {
      int slash = path.indexOf('/');
      if (slash > 0) {
        courseDirs.add(path.substring(0, slash));
      }
    }
    List<Course> courses = new ArrayList<>();
    for (String dir : courseDirs) {
      if (files.contains(dir + "/" + COURSE_FILE)) {
        course(dir).ifPresent(courses::add);
      } else if (!dir.equals("META-INF")) {
        problems.add(dir + "/" + COURSE_FILE, 0, "is missing; every course folder needs one");
      }
    }
    if (courses.isEmpty() && problems.isEmpty()) {
      problems.add(COURSE_FILE, 0, "no course found: expected <course-id>/" + COURSE_FILE);
    }
    return courses;
  }

  private Optional<Course> course(String dir) {
    String path = dir + "/" + COURSE_FILE;
    Optional<YamlMapping> parsed = YamlText.parseMapping(files.text(path), path, 0, problems);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping yaml = parsed.get();
    yaml.allowOnly(COURSE_KEYS);
    String id = yaml.requiredString("id");
    if (!id.isEmpty() && !id.equals(dir)) {
      problems.add(path, yaml.line("id"), "id '" + id + "' must equal the course folder name '" + dir + "'");
    }
    if (!dir.matches(SLUG)) {
      problems.add(path, 0, "course folder '" + dir + "' must be lowercase letters, digits and dashes");
    }
    String version = yaml.requiredString("version");
    String title = yaml.requiredString("title");
    String summary = yaml.requiredString("summary");
    InternalLinks links = new InternalLinks();
    links.collect(path, summary, offset -> yaml.lineWithin("summary", offset, summary));
    List<CourseModule> modules = modules(dir, links);
    links.check(targets(modules), problems);
    return Optional.of(new Course(dir, version, title, summary, modules));
  }

  private List<CourseModule> modules(String courseDir, InternalLinks links) {
    String prefix = courseDir + "/" + MODULES_DIR + "/";
    Map<String, List<String>> filesByModuleDir = new TreeMap<>();
    for (String path : files.all().keySet()) {
      if (!path.startsWith(prefix)) {
        continue;
      }
      String rest = path.substring(prefix.length());
      int slash = rest.indexOf('/');
      if (slash < 0) {
        problems.add(path, 0, "files belong in a module folder modules/NN-<module-id>/, not in modules/ itself");
        continue;
      }
      filesByModuleDir.computeIfAbsent(rest.substring(0, slash), k -> new ArrayList<>()).add(rest.substring(slash + 1));
    }
    List<CourseModule> modules = new ArrayList<>();
    Map<String, String> dirByModuleId = new HashMap<>();
    Map<String, String> dirByOrder = new HashMap<>();
    for (Map.Entry<String, List<String>> entry : filesByModuleDir.entrySet()) {
      String dirName = entry.getKey();
      String dirPath = prefix + dirName;
      Matcher matcher = MODULE_DIR.matcher(dirName);
      if (!matcher.matches()) {
        problems.add(dirPath, 0, "module folder must be named NN-<module-id>, e.g. 01-weak-to-strong "
            + "(two digits, a dash, lowercase letters, digits and dashes)");
        continue;
      }
      String moduleId = matcher.group(2);
      String clash = dirByModuleId.putIfAbsent(moduleId, dirName);
      if (clash != null) {
        problems.add(dirPath, 0, "duplicate module id '" + moduleId + "' (also " + clash + ")");
      }
      String orderClash = dirByOrder.putIfAbsent(matcher.group(1), dirName);
      if (orderClash != null) {
        problems.add(dirPath, 0, "duplicate module number " + matcher.group(1) + " (also " + orderClash + ")");
      }
      module(dirPath, moduleId, modules.size() + 1, entry.getValue(), links).ifPresent(modules::add);
    }
    if (modules.isEmpty() && filesByModuleDir.isEmpty()) {
      problems.add(courseDir + "/" + COURSE_FILE, 0, "the course has no modules: add "
          + prefix + "01-<module-id>/" + MODULE_FILE);
    }
    return modules;
  }

  private Optional<CourseModule> module(String dirPath, String moduleId, int position, List<String> contents,
                                        InternalLinks links) {
    String path = dirPath + "/" + MODULE_FILE;
    if (!files.contains(path)) {
      problems.add(path, 0, "is missing; every module folder needs one");
      return Optional.empty();
    }
    Optional<YamlMapping> parsed = YamlText.parseMapping(files.text(path), path, 0, problems);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping yaml = parsed.get();
    yaml.allowOnly(MODULE_KEYS);
    String title = yaml.requiredString("title");
    String summary = yaml.requiredString("summary");
    links.collect(path, summary, offset -> yaml.lineWithin("summary", offset, summary));
    List<String> objectives = yaml.stringList("objectives", true);
    ItemReader reader = new ItemReader(files, labs, problems, links);
    List<ModuleItem> items = new ArrayList<>();
    Set<String> itemIds = new HashSet<>();
    Set<String> referenced = new HashSet<>(Set.of(MODULE_FILE));
    for (YamlMapping entry : yaml.mappingList("items", true)) {
      entry.allowOnly(ITEM_KEYS);
      String id = entry.requiredString("id");
      if (!id.isEmpty() && !id.matches(SLUG)) {
        problems.add(path, entry.line("id"), "item id '" + id + "' must be lowercase letters, digits and dashes");
      } else if (!id.isEmpty() && !itemIds.add(id)) {
        problems.add(path, entry.line("id"), "duplicate item id '" + id + "' in this module");
      }
      Optional<ItemKind> kind = kind(entry.requiredString("kind"), path, entry.line("kind"));
      String file = entry.requiredString("file");
      if (kind.isEmpty() || file.isEmpty()) {
        continue;
      }
      if (file.startsWith("/") || file.contains("\\") || List.of(file.split("/")).contains("..")) {
        problems.add(path, entry.line("file"), "file '" + file + "' must be a path inside the module folder");
        continue;
      }
      checkExtension(kind.get(), file, path, entry.line("file"));
      referenced.add(file);
      String itemPath = dirPath + "/" + file;
      if (!files.contains(itemPath)) {
        problems.add(path, entry.line("file"), "file '" + file + "' does not exist in " + dirPath);
        continue;
      }
      reader.read(id, kind.get(), items.size() + 1, itemPath).ifPresent(items::add);
    }
    for (String file : contents) {
      String lower = file.toLowerCase(Locale.ROOT);
      boolean content = lower.endsWith(".md") || lower.endsWith(".yaml") || lower.endsWith(".yml");
      if (content && !referenced.contains(file)) {
        problems.add(dirPath + "/" + file, 0, "is not listed in the items of " + MODULE_FILE
            + "; add it there or remove it");
      }
    }
    return Optional.of(new CourseModule(moduleId, position, title, summary, objectives, items));
  }

  private Optional<ItemKind> kind(String name, String file, int line) {
    return switch (name) {
      case "lesson" -> Optional.of(ItemKind.LESSON);
      case "case-study" -> Optional.of(ItemKind.CASE_STUDY);
      case "quiz" -> Optional.of(ItemKind.QUIZ);
      case "lab" -> Optional.of(ItemKind.LAB);
      case "" -> Optional.empty();
      default -> {
        problems.add(file, line, "item kind '" + name + "' is unknown; use lesson, case-study, quiz or lab");
        yield Optional.empty();
      }
    };
  }

  private void checkExtension(ItemKind kind, String file, String path, int line) {
    boolean markdown = file.endsWith(".md");
    boolean yaml = file.endsWith(".yaml") || file.endsWith(".yml");
    boolean lesson = kind == ItemKind.LESSON || kind == ItemKind.CASE_STUDY;
    if (lesson && !markdown) {
      problems.add(path, line, "a " + kindName(kind) + " is a Markdown file ending in .md, not '" + file + "'");
    } else if (!lesson && !yaml) {
      problems.add(path, line, "a " + kindName(kind) + " is a YAML file ending in .yaml, not '" + file + "'");
    }
  }

  static String kindName(ItemKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Set<String> targets(List<CourseModule> modules) {
    Set<String> targets = new HashSet<>();
    for (CourseModule module : modules) {
      for (ModuleItem item : module.items()) {
        targets.add(module.id() + "/" + item.id());
      }
    }
    return targets;
  }
}
