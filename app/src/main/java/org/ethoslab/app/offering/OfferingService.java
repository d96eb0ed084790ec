package org.ethoslab.app.offering;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.ethoslab.app.account.UserAccount;
import org.ethoslab.app.account.UserAccountRepository;
import org.ethoslab.app.course.Course;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.system.AccessRefusedException;
import org.ethoslab.app.system.PageNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating offerings, joining them, and deciding who may see one. */
@Service
public class OfferingService {

  /** Join codes are random; collisions are rare, but retry a few times before giving up. */
  private static final int CODE_ATTEMPTS = 10;

  private final OfferingRepository offerings;
  private final EnrollmentRepository enrollments;
  private final CourseRepository courses;
  private final UserAccountRepository accounts;
  private final Clock clock;

  OfferingService(OfferingRepository offerings, EnrollmentRepository enrollments, CourseRepository courses,
                  UserAccountRepository accounts, Clock clock) {
    this.offerings = offerings;
    this.enrollments = enrollments;
    this.courses = courses;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** The result of trying a join code. */
  public enum JoinOutcome {
    JOINED,
    ALREADY_ENROLLED,
    UNKNOWN_CODE
  }

  /** A join attempt's outcome and, unless the code was unknown, the offering. */
  public record JoinResult(JoinOutcome outcome, Offering offering) {
  }

  /** What the current user is to an offering: its enrollment when a student in it, and whether they own it. */
  public record OfferingAccess(Offering offering, Optional<Enrollment> enrollment, boolean teaching) {
  }

  /** Creates an offering of a course template with a fresh join code. */
  @Transactional
  public Offering create(long ownerId, long courseId, String title) {
    Course course = courses.findById(courseId).orElseThrow(() -> new PageNotFoundException("error.detail.course"));
    UserAccount owner = accounts.findById(ownerId).orElseThrow();
    return offerings.save(new Offering(course, owner, title, uniqueCode(), OffsetDateTime.now(clock)));
  }

  /** Enrolls the student in the offering with this code; an unknown code changes nothing. */
  @Transactional
  public JoinResult join(long studentId, String typedCode) {
    Optional<Offering> found = offerings.findByJoinCode(JoinCodes.normalize(typedCode));
    if (found.isEmpty()) {
      return new JoinResult(JoinOutcome.UNKNOWN_CODE, null);
    }
    Offering offering = found.get();
    if (enrollments.findByOfferingIdAndStudentId(offering.getId(), studentId).isPresent()) {
      return new JoinResult(JoinOutcome.ALREADY_ENROLLED, offering);
    }
    UserAccount student = accounts.findById(studentId).orElseThrow();
    enrollments.save(new Enrollment(offering, student, OffsetDateTime.now(clock)));
    return new JoinResult(JoinOutcome.JOINED, offering);
  }

  /**
   * Checks that the user may see the offering: enrolled students, its owner and admins may.
   *
   * @throws PageNotFoundException   when there is no such offering
   * @throws AccessRefusedException  when the user is none of the above
   */
  @Transactional(readOnly = true)
  public OfferingAccess access(long offeringId, long accountId, boolean admin) {
    Offering offering = offerings.findWithCourse(offeringId)
        .orElseThrow(() -> new PageNotFoundException("error.detail.offering"));
    Optional<Enrollment> enrollment = enrollments.findByOfferingIdAndStudentId(offeringId, accountId);
    boolean teaching = offering.isOwnedBy(accountId) || admin;
    if (enrollment.isEmpty() && !teaching) {
      throw new AccessRefusedException("error.detail.notEnrolled");
    }
    return new OfferingAccess(offering, enrollment, teaching);
  }

  private String uniqueCode() {
    for (int i = 0; i < CODE_ATTEMPTS; i++) {
      String code = JoinCodes.generate();
      if (!offerings.existsByJoinCode(code)) {
        return code;
      }
    }
    throw new IllegalStateException("Could not find an unused join code in " + CODE_ATTEMPTS + " attempts");
  }
}
