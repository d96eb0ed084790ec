package org.ethoslab.app.authoring;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.ethoslab.app.course.Course;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.course.CurriculumImporter;
import org.ethoslab.app.labspec.PublishedLabs;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.system.PageNotFoundException;
import org.ethoslab.curriculum.CurriculumException;
import org.ethoslab.curriculum.CurriculumLoader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whole courses in and out: a zip in the curriculum file format is validated completely by the curriculum loader
 * before anything is written, then imported as a new course the instructor owns together with a new offering of it,
 * in one transaction. A template is copied the same way (exported and imported), so a copy holds exactly what an
 * export would.
 */
@Service
public class CourseTransfer {

  private final CourseRepository courses;
  private final CurriculumImporter importer;
  private final OfferingService offerings;
  private final PublishedLabs labs;

  CourseTransfer(CourseRepository courses, CurriculumImporter importer, OfferingService offerings,
                 PublishedLabs labs) {
    this.courses = courses;
    this.importer = importer;
    this.offerings = offerings;
    this.labs = labs;
  }

  /** The published state of a course the account owns, or of any template, as a zip in the file format. */
  @Transactional(readOnly = true)
  public Export export(long courseId, long accountId) {
    Course course = courses.findById(courseId).orElseThrow(() -> new PageNotFoundException("error.detail.course"));
    if (course.getOwnerId() != null && !course.isOwnedBy(accountId)) {
      throw new org.ethoslab.app.system.AccessRefusedException("error.detail.notCourseOwner");
    }
    return new Export(course.getCurriculumId() + ".zip", CourseFiles.exportZip(course));
  }

  /** A zip to download and its file name. */
  public record Export(String fileName, byte[] zip) {
  }

  /** Makes an editable copy of a course (usually a template) owned by the account. */
  @Transactional
  public Course copy(long courseId, long accountId) {
    Course source = courses.findById(courseId).orElseThrow(() -> new PageNotFoundException("error.detail.course"));
    return store(org.ethoslab.curriculum.CurriculumWriter.normalize(CourseFiles.toCurriculum(source)), accountId);
  }

  /**
   * Validates a zip and imports its one course with a new offering. On any problem nothing is written. Its lab ids
   * must be labs a runner has published (any id passes while no runner has published a lab yet).
   *
   * @throws CurriculumException every problem as {@code file:line: message}
   */
  @Transactional(rollbackFor = CurriculumException.class)
  public Offering importZip(byte[] zip, long accountId, String offeringTitle) throws CurriculumException {
    List<org.ethoslab.curriculum.Course> loaded = CurriculumLoader.loadZip(new ByteArrayInputStream(zip),
        labs.knownLabs());
    if (loaded.size() != 1) {
      throw new CurriculumException(List.of(new CurriculumException.Problem("(zip)", 0,
          "the zip holds " + loaded.size() + " courses; import one course at a time")));
    }
    Course course = store(loaded.get(0), accountId);
    return offerings.create(accountId, course.getId(), offeringTitle);
  }

  private Course store(org.ethoslab.curriculum.Course source, long accountId) {
    String slug = AuthoringService.uniqueSlug(source.id() + "-copy", s -> courses.findBySlug(s).isPresent());
    importer.importCourses(List.of(new org.ethoslab.curriculum.Course(slug, source.version(), source.title(),
        source.summary(), source.modules())));
    Course course = courses.findBySlug(slug).orElseThrow();
    course.assignOwner(accountId, source.id());
    return courses.save(course);
  }
}
