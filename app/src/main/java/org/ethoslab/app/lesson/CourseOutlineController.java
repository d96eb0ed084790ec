package org.ethoslab.app.lesson;

import java.util.List;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.offering.Enrollment;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.offering.OfferingService.OfferingAccess;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The course page of an offering: modules, their items and the student's progress in each. */
@Controller
class CourseOutlineController {

  static final String VIEW = "lesson/outline";

  private final OfferingService offeringService;
  private final ProgressService progressService;
  private final MarkdownRenderer markdown;

  CourseOutlineController(OfferingService offeringService, ProgressService progressService,
                          MarkdownRenderer markdown) {
    this.offeringService = offeringService;
    this.progressService = progressService;
    this.markdown = markdown;
  }

  @GetMapping("/offerings/{offeringId}")
  String showOutline(@PathVariable long offeringId, @AuthenticationPrincipal CurrentUser user, Model model) {
    OfferingAccess access = offeringService.access(offeringId, user.getAccountId(), user.isAdmin());
    CourseProgress progress = progressService.progress(access.offering().getCourse().getId(),
        access.enrollment().map(Enrollment::getId));
    model.addAttribute("offering", access.offering());
    model.addAttribute("course", access.offering().getCourse());
    model.addAttribute("courseSummaryHtml", markdown.offeringPageHtml(access.offering().getCourse().getSummary(),
        access.offering().getId()));
    model.addAttribute("enrolled", access.enrollment().isPresent());
    model.addAttribute("teaching", access.teaching());
    model.addAttribute("progress", progress);
    model.addAttribute("roster", access.teaching()
        ? progressService.roster(offeringId, access.offering().getCourse().getId()) : List.of());
    return VIEW;
  }
}
