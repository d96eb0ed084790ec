package org.ethoslab.app.offering;

import java.util.List;

import jakarta.validation.Valid;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.course.Course;
import org.ethoslab.app.course.CourseRepository;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The instructor's page: their offerings with join codes, and the form to create one. */
@Controller
class TeachController {

  static final String VIEW = "offering/teach";

  private final OfferingService offeringService;
  private final OfferingRepository offerings;
  private final EnrollmentRepository enrollments;
  private final CourseRepository courses;

  TeachController(OfferingService offeringService, OfferingRepository offerings, EnrollmentRepository enrollments,
                  CourseRepository courses) {
    this.offeringService = offeringService;
    this.offerings = offerings;
    this.enrollments = enrollments;
    this.courses = courses;
  }

  /** One row of the instructor's offering table. */
  record OfferingRow(Offering offering, long students) {
  }

  @ModelAttribute("offeringRows")
  List<OfferingRow> offeringRows(@AuthenticationPrincipal CurrentUser user) {
    return offerings.findByOwner(user.getAccountId()).stream()
        .map(o -> new OfferingRow(o, enrollments.countByOfferingId(o.getId())))
        .toList();
  }

  @GetMapping("/teach")
  String initOfferingForm(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("offeringForm", new OfferingForm());
    model.addAttribute("courses", offerableCourses(user));
    return VIEW;
  }

  /** Templates, and the editable courses this instructor owns; another instructor's course is theirs alone. */
  private List<Course> offerableCourses(CurrentUser user) {
    return courses.findAllByOrderByTitleAsc().stream()
        .filter(c -> c.getOwnerId() == null || c.isOwnedBy(user.getAccountId())).toList();
  }

  @PostMapping("/teach/offerings")
  String processOfferingForm(@Valid @ModelAttribute("offeringForm") OfferingForm form, BindingResult result,
                             @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
    if (form.getCourseId() != null
        && offerableCourses(user).stream().noneMatch(c -> c.getId().equals(form.getCourseId()))) {
      result.rejectValue("courseId", "offering.courseUnknown");
    }
    if (result.hasErrors()) {
      model.addAttribute("courses", offerableCourses(user));
      return VIEW;
    }
    Offering offering = offeringService.create(user.getAccountId(), form.getCourseId(), form.getTitle());
    redirect.addFlashAttribute("message", "flash.offeringCreated");
    redirect.addFlashAttribute("messageArg", offering.getDisplayJoinCode());
    return "redirect:/teach";
  }
}
