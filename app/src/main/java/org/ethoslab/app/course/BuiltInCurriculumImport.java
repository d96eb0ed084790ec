package org.ethoslab.app.course;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ethoslab.curriculum.CurriculumException;
import org.ethoslab.curriculum.CurriculumLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Imports the curriculum when the application starts, after the database is migrated and before the web server
 * accepts requests: the built-in courses, plus those in {@code ethoslab.curriculum.directory}
 * ({@code ETHOSLAB_CURRICULUM_DIRECTORY}) when set, where a course with the same id replaces the built-in one. A bad
 * curriculum file stops the start with every problem as {@code file:line: message}; since everything is validated
 * before anything is written, the database is never half-loaded.
 */
@Component
class BuiltInCurriculumImport implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(BuiltInCurriculumImport.class);

  private final CurriculumImporter importer;
  private final String extraDirectory;

  BuiltInCurriculumImport(CurriculumImporter importer,
                          @Value("${ethoslab.curriculum.directory:}") String extraDirectory) {
    this.importer = importer;
    this.extraDirectory = extraDirectory;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<org.ethoslab.curriculum.Course> courses;
    try {
      courses = load();
    }
    catch (CurriculumException ex) {
      throw new InvalidCurriculumException(ex);
    }
    CurriculumImporter.ImportSummary summary = importer.importCourses(courses);
    log.info("Curriculum: {} course(s); {} created, {} with a new version, {} item(s) changed, {} retired",
        courses.size(), summary.coursesCreated(), summary.coursesUpdated(), summary.itemsChanged(),
        summary.itemsRetired());
  }

  private List<org.ethoslab.curriculum.Course> load() throws CurriculumException {
    Map<String, org.ethoslab.curriculum.Course> byId = new LinkedHashMap<>();
    CurriculumLoader.loadBuiltIn().forEach(c -> byId.put(c.id(), c));
    if (!extraDirectory.isBlank()) {
      Path root = Path.of(extraDirectory);
      CurriculumLoader.loadDirectory(root).forEach(c -> byId.put(c.id(), c));
      log.info("Curriculum directory {} loaded", root.toAbsolutePath());
    }
    return new ArrayList<>(byId.values());
  }
}
