package org.ethoslab.app.course;

import java.util.List;

import org.ethoslab.curriculum.CurriculumException;
import org.ethoslab.curriculum.CurriculumLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Imports the built-in curriculum when the application starts, after the database is migrated and before the web
 * server accepts requests. A bad curriculum file stops the start with every problem as {@code file:line: message};
 * since validation happens before anything is written, the database is never half-loaded.
 */
@Component
class BuiltInCurriculumImport implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(BuiltInCurriculumImport.class);

  private final CurriculumImporter importer;

  BuiltInCurriculumImport(CurriculumImporter importer) {
    this.importer = importer;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<org.ethoslab.curriculum.Course> courses;
    try {
      courses = CurriculumLoader.loadBuiltIn();
    }
    catch (CurriculumException ex) {
      throw new InvalidCurriculumException(ex);
    }
    CurriculumImporter.ImportSummary summary = importer.importCourses(courses);
    log.info("Built-in curriculum: {} course(s); {} created, {} with a new version, {} item(s) changed, {} retired",
        courses.size(), summary.coursesCreated(), summary.coursesUpdated(), summary.itemsChanged(),
        summary.itemsRetired());
  }
}
