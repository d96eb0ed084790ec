package org.ethoslab.app.course;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.ethoslab.app.labspec.PublishedLabs;
import org.ethoslab.curriculum.CurriculumException;
import org.ethoslab.curriculum.CurriculumLoader;
import org.ethoslab.curriculum.KnownLabs;
import org.ethoslab.curriculum.LabItem;
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
 *
 * <p>Lab ids are not checked against the lab catalog here: at start no runner may have published its labs yet (only
 * the labs.jar next to the embedded runner is published before this runs), and a course must not fail to start for
 * that. The lab ids no runner offers yet are logged; their lab pages say so until a runner publishes them.
 */
@Component
class BuiltInCurriculumImport implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(BuiltInCurriculumImport.class);

  private final CurriculumImporter importer;
  private final PublishedLabs labs;
  private final String extraDirectory;

  BuiltInCurriculumImport(CurriculumImporter importer, PublishedLabs labs,
                          @Value("${ethoslab.curriculum.directory:}") String extraDirectory) {
    this.importer = importer;
    this.labs = labs;
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
    TreeSet<String> notOffered = new TreeSet<>();
    courses.forEach(c -> c.modules().forEach(m -> m.items().stream()
        .filter(LabItem.class::isInstance).map(i -> ((LabItem) i).labId())
        .filter(id -> labs.find(id).isEmpty()).forEach(notOffered::add)));
    if (!notOffered.isEmpty()) {
      log.info("Curriculum: no runner offers lab(s) {} yet; their lab pages say so until a runner that has them "
          + "connects and publishes its labs", notOffered);
    }
  }

  private List<org.ethoslab.curriculum.Course> load() throws CurriculumException {
    Map<String, org.ethoslab.curriculum.Course> byId = new LinkedHashMap<>();
    CurriculumLoader.loadBuiltIn(KnownLabs.unchecked()).forEach(c -> byId.put(c.id(), c));
    if (!extraDirectory.isBlank()) {
      Path root = Path.of(extraDirectory);
      CurriculumLoader.loadDirectory(root, KnownLabs.unchecked()).forEach(c -> byId.put(c.id(), c));
      log.info("Curriculum directory {} loaded", root.toAbsolutePath());
    }
    return new ArrayList<>(byId.values());
  }
}
