package org.ethoslab.app.lesson;

import java.util.List;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.ItemBodies;
import org.ethoslab.app.offering.Enrollment;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.offering.OfferingService.OfferingAccess;
import org.ethoslab.app.system.AccessRefusedException;
import org.ethoslab.app.system.PageNotFoundException;
import org.ethoslab.curriculum.ItemKind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One item of a course inside an offering: a lesson or case study to read and complete, or a lab (quizzes: quiz). */
@Controller
class LessonController {

  static final String VIEW = "lesson/item";

  private final OfferingService offeringService;
  private final ProgressService progressService;
  private final MarkdownRenderer markdown;

  LessonController(OfferingService offeringService, ProgressService progressService, MarkdownRenderer markdown) {
    this.offeringService = offeringService;
    this.progressService = progressService;
    this.markdown = markdown;
  }

  @GetMapping("/offerings/{offeringId}/items/{itemId}")
  String showItem(@PathVariable long offeringId, @PathVariable long itemId,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
    OfferingAccess access = offeringService.access(offeringId, user.getAccountId(), user.isAdmin());
    CourseProgress progress = progressService.progress(access.offering().getCourse().getId(),
        access.enrollment().map(Enrollment::getId));
    List<CourseItem> items = progress.items();
    int index = indexOf(items, itemId);
    CourseItem item = items.get(index);
    if (item.getKind() == ItemKind.QUIZ) {
      return "redirect:/offerings/" + offeringId + "/quizzes/" + itemId;
    }
    boolean completed = progress.modules().stream().flatMap(m -> m.items().stream())
        .anyMatch(s -> s.item().getId().equals(itemId) && s.completed());
    model.addAttribute("offering", access.offering());
    model.addAttribute("item", item);
    model.addAttribute("module", item.getModule());
    model.addAttribute("enrolled", access.enrollment().isPresent());
    model.addAttribute("completed", completed);
    model.addAttribute("previous", index > 0 ? items.get(index - 1) : null);
    model.addAttribute("next", index + 1 < items.size() ? items.get(index + 1) : null);
    if (item.isReading()) {
      model.addAttribute("bodyHtml", markdown.lessonHtml(item.getBody(), item.getTitle()));
    }
    else {
      ItemBodies.LabBody lab = ItemBodies.lab(item);
      model.addAttribute("lab", lab);
      model.addAttribute("bodyHtml", markdown.toSafeHtml(lab.instructions()));
    }
    return VIEW;
  }

  @PostMapping("/offerings/{offeringId}/items/{itemId}/complete")
  String processCompletion(@PathVariable long offeringId, @PathVariable long itemId,
                           @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
    OfferingAccess access = offeringService.access(offeringId, user.getAccountId(), user.isAdmin());
    Enrollment enrollment = access.enrollment()
        .orElseThrow(() -> new AccessRefusedException("error.detail.completeNeedsEnrollment"));
    CourseProgress progress = progressService.progress(access.offering().getCourse().getId(),
        java.util.Optional.of(enrollment.getId()));
    CourseItem item = progress.items().get(indexOf(progress.items(), itemId));
    if (!item.isReading()) {
      throw new PageNotFoundException("error.detail.item");
    }
    progressService.complete(enrollment.getId(), itemId);
    redirect.addFlashAttribute("message", "flash.completed");
    redirect.addFlashAttribute("messageArg", item.getTitle());
    return "redirect:/offerings/" + offeringId + "/items/" + itemId;
  }

  /** Position of the item in the course; an item of another course, or a retired one, is not found. */
  private static int indexOf(List<CourseItem> items, long itemId) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).getId() == itemId) {
        return i;
      }
    }
    throw new PageNotFoundException("error.detail.item");
  }
}
