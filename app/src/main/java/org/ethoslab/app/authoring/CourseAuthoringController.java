package org.ethoslab.app.authoring;

import java.util.Arrays;
import java.util.List;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.course.Course;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.curriculum.ItemKind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An instructor's courses: copy a template, add modules and items, reorder them, start an offering of a course. */
@Controller
class CourseAuthoringController {

  static final String LIST_VIEW = "authoring/courses";
  static final String COURSE_VIEW = "authoring/course";
  static final int MAX_TITLE = 200;

  private final AuthoringService authoring;
  private final CourseTransfer transfer;
  private final OfferingService offerings;

  CourseAuthoringController(AuthoringService authoring, CourseTransfer transfer, OfferingService offerings) {
    this.authoring = authoring;
    this.transfer = transfer;
    this.offerings = offerings;
  }

  @GetMapping("/teach/courses")
  String listCourses(@AuthenticationPrincipal CurrentUser user, Model model) {
    AuthoringService.CourseChoices choices = authoring.choices(user.getAccountId());
    model.addAttribute("templates", choices.templates());
    model.addAttribute("owned", choices.owned());
    return LIST_VIEW;
  }

  @PostMapping("/teach/courses/copy")
  String processCopy(@RequestParam long courseId, @AuthenticationPrincipal CurrentUser user,
                     RedirectAttributes redirect) {
    Course copy = transfer.copy(courseId, user.getAccountId());
    redirect.addFlashAttribute("message", "flash.courseCopied");
    redirect.addFlashAttribute("messageArg", copy.getTitle());
    return "redirect:/teach/courses/" + copy.getId();
  }

  @GetMapping("/teach/courses/{courseId}")
  String showCourse(@PathVariable long courseId, @AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("course", authoring.ownedCourse(courseId, user.getAccountId()));
    model.addAttribute("kinds", Arrays.asList(ItemKind.values()));
    return COURSE_VIEW;
  }

  @PostMapping("/teach/courses/{courseId}/modules")
  String processModuleForm(@PathVariable long courseId, @RequestParam String title,
                           @RequestParam(defaultValue = "") String summary,
                           @RequestParam(defaultValue = "") String objectives,
                           @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
    List<String> lines = objectives.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (title.isBlank() || title.length() > MAX_TITLE || summary.isBlank() || lines.isEmpty()) {
      redirect.addFlashAttribute("message", "authoring.module.invalid");
      redirect.addFlashAttribute("messageArg", MAX_TITLE);
      return "redirect:/teach/courses/" + courseId;
    }
    authoring.createModule(courseId, user.getAccountId(), title, summary, lines);
    redirect.addFlashAttribute("message", "flash.moduleCreated");
    redirect.addFlashAttribute("messageArg", title.strip());
    return "redirect:/teach/courses/" + courseId;
  }

  @PostMapping("/teach/courses/{courseId}/items")
  String processItemForm(@PathVariable long courseId, @RequestParam String module, @RequestParam ItemKind kind,
                         @RequestParam String title, @AuthenticationPrincipal CurrentUser user,
                         RedirectAttributes redirect) {
    if (title.isBlank() || title.length() > MAX_TITLE) {
      redirect.addFlashAttribute("message", "authoring.item.invalid");
      redirect.addFlashAttribute("messageArg", MAX_TITLE);
      return "redirect:/teach/courses/" + courseId;
    }
    long itemId = authoring.createItem(courseId, user.getAccountId(), module, kind, title).getId();
    return "redirect:/teach/courses/" + courseId + "/items/" + itemId + "/edit";
  }

  @PostMapping("/teach/courses/{courseId}/items/{itemId}/move")
  String processMove(@PathVariable long courseId, @PathVariable long itemId, @RequestParam int direction,
                     @AuthenticationPrincipal CurrentUser user) {
    authoring.move(courseId, itemId, user.getAccountId(), direction);
    return "redirect:/teach/courses/" + courseId + "#item-" + itemId;
  }

  @PostMapping("/teach/courses/{courseId}/offerings")
  String processOffering(@PathVariable long courseId, @RequestParam String title,
                         @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
    authoring.ownedCourse(courseId, user.getAccountId());
    if (title.isBlank() || title.length() > MAX_TITLE) {
      redirect.addFlashAttribute("message", "authoring.item.invalid");
      redirect.addFlashAttribute("messageArg", MAX_TITLE);
      return "redirect:/teach/courses/" + courseId;
    }
    Offering offering = offerings.create(user.getAccountId(), courseId, title);
    redirect.addFlashAttribute("message", "flash.offeringCreated");
    redirect.addFlashAttribute("messageArg", offering.getDisplayJoinCode());
    return "redirect:/teach";
  }
}
