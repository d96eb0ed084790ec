package org.ethoslab.app.submission;

import java.util.Optional;
import java.util.UUID;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.course.ItemBodies;
import org.ethoslab.app.lesson.ProgressService;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.curriculum.ItemKind;

/** A fresh offering of the built-in course with one enrolled student, and the id of its W2S lab item. */
record LabCourseFixture(long instructorId, long studentId, String studentEmail, Offering offering, long w2sItemId) {

  static final String PASSWORD = "a sturdy passphrase 42";

  static LabCourseFixture create(AccountService accounts, CourseRepository courses, OfferingService offerings,
                                 ProgressService progress) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    long instructor = accounts.register("lab-teacher-" + tag + "@example.org", "Lab Teacher", PASSWORD,
        Role.INSTRUCTOR).getId();
    String studentEmail = "lab-student-" + tag + "@example.org";
    long student = accounts.register(studentEmail, "Lab Student", PASSWORD, Role.STUDENT).getId();
    long courseId = courses.findAll().stream()
        .filter(c -> progress.progress(c.getId(), Optional.empty()).items().stream().anyMatch(LabCourseFixture::isW2s))
        .findFirst().orElseThrow().getId();
    Offering offering = offerings.create(instructor, courseId, "Lab cohort " + tag);
    offerings.join(student, offering.getJoinCode());
    long item = progress.progress(courseId, Optional.empty()).items().stream().filter(LabCourseFixture::isW2s)
        .findFirst().orElseThrow().getId();
    return new LabCourseFixture(instructor, student, studentEmail, offering, item);
  }

  private static boolean isW2s(CourseItem item) {
    return item.getKind() == ItemKind.LAB && "w2s".equals(ItemBodies.lab(item).labId());
  }
}
