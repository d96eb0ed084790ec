package org.ethoslab.app.dashboard;

import java.util.List;
import java.util.Map;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.lesson.CourseProgress;
import org.ethoslab.app.lesson.ProgressService;
import org.ethoslab.app.offering.Enrollment;
import org.ethoslab.app.offering.EnrollmentRepository;
import org.ethoslab.app.offering.JoinForm;
import org.ethoslab.app.offering.OfferingRepository;
import org.ethoslab.app.submission.LabStandings;
import org.ethoslab.app.submission.LabStandings.Standing;
import org.ethoslab.app.submission.Submission;
import org.ethoslab.curriculum.ItemKind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: a welcome for visitors, the student's courses with progress for signed-in users. */
@Controller
class DashboardController {

  static final String VIEW_WELCOME = "dashboard/welcome";
  static final String VIEW_DASHBOARD = "dashboard/dashboard";

  private final EnrollmentRepository enrollments;
  private final OfferingRepository offerings;
  private final ProgressService progressService;
  private final LabStandings labStandings;

  DashboardController(EnrollmentRepository enrollments, OfferingRepository offerings,
                      ProgressService progressService, LabStandings labStandings) {
    this.enrollments = enrollments;
    this.offerings = offerings;
    this.progressService = progressService;
    this.labStandings = labStandings;
  }

  /** One enrolled course on the dashboard, with the student's standing on each lab and their lab runs. */
  record EnrolledCourse(Enrollment enrollment, CourseProgress progress, Map<Long, Standing> labs,
                        List<Submission> runs) {
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal CurrentUser user, Model model) {
    if (user == null) {
      return VIEW_WELCOME;
    }
    List<EnrolledCourse> courses = enrollments.findByStudent(user.getAccountId()).stream()
        .map(e -> enrolledCourse(e, user.getAccountId()))
        .toList();
    model.addAttribute("enrolledCourses", courses);
    model.addAttribute("teaching", user.getRole() == Role.STUDENT ? List.of()
        : offerings.findByOwner(user.getAccountId()));
    model.addAttribute("joinForm", new JoinForm());
    return VIEW_DASHBOARD;
  }

  private EnrolledCourse enrolledCourse(Enrollment e, long studentId) {
    CourseProgress progress = progressService.progress(e.getOffering().getCourse().getId(),
        java.util.Optional.of(e.getId()));
    long offeringId = e.getOffering().getId();
    List<Long> labIds = progress.items().stream().filter(i -> i.getKind() == ItemKind.LAB)
        .map(i -> i.getId()).toList();
    return new EnrolledCourse(e, progress, labStandings.of(studentId, offeringId, labIds),
        labStandings.history(studentId, offeringId));
  }
}
