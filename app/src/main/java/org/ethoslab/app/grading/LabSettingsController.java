package org.ethoslab.app.grading;

import java.util.List;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.course.ItemBodies;
import org.ethoslab.app.labspec.LabNotOfferedException;
import org.ethoslab.app.labspec.PublishedLabs;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.queue.JobSubmission;
import org.ethoslab.app.system.PageNotFoundException;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.curriculum.ItemKind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The instructor's list of an offering's labs and the settings form of each. */
@Controller
class LabSettingsController {

  static final String LABS_VIEW = "grading/labs";
  static final String SETTINGS_VIEW = "grading/settings";

  private final TeachingAccess teaching;
  private final CourseItemRepository items;
  private final PublishedLabs catalog;
  private final LabSettingsService settings;

  LabSettingsController(TeachingAccess teaching, CourseItemRepository items, PublishedLabs catalog,
                        LabSettingsService settings) {
    this.teaching = teaching;
    this.items = items;
    this.catalog = catalog;
    this.settings = settings;
  }

  /** One lab of the offering with its current settings; {@code offered} is false while no runner offers its lab. */
  record LabRow(CourseItem item, String labId, LabAssignment settings, boolean offered) {
  }

  @GetMapping("/teach/offerings/{offeringId}/labs")
  String showLabs(@PathVariable long offeringId, @AuthenticationPrincipal CurrentUser user, Model model) {
    Offering offering = teaching.requireTeaching(offeringId, user);
    List<LabRow> rows = labItems(offering).stream()
        .map(i -> {
          String labId = ItemBodies.lab(i).labId();
          return new LabRow(i, labId, settings.current(offeringId, i.getId()), catalog.find(labId).isPresent());
        })
        .toList();
    model.addAttribute("offering", offering);
    model.addAttribute("labs", rows);
    return LABS_VIEW;
  }

  @GetMapping("/teach/offerings/{offeringId}/labs/{itemId}/settings")
  String initSettingsForm(@PathVariable long offeringId, @PathVariable long itemId,
                          @AuthenticationPrincipal CurrentUser user, Model model) {
    Offering offering = teaching.requireTeaching(offeringId, user);
    CourseItem item = labItem(offering, itemId);
    LabSpec spec = spec(item);
    model.addAttribute("labSettingsForm", LabSettingsJson.toForm(settings.current(offeringId, itemId), spec));
    addPage(model, offering, item, spec);
    return SETTINGS_VIEW;
  }

  @PostMapping("/teach/offerings/{offeringId}/labs/{itemId}/settings")
  String processSettingsForm(@PathVariable long offeringId, @PathVariable long itemId,
                             @ModelAttribute("labSettingsForm") LabSettingsForm form, BindingResult result,
                             @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
    Offering offering = teaching.requireTeaching(offeringId, user);
    CourseItem item = labItem(offering, itemId);
    LabSpec spec = spec(item);
    LabSettingsValidator.validate(form, spec, result);
    if (result.hasErrors()) {
      addPage(model, offering, item, spec);
      return SETTINGS_VIEW;
    }
    LabSettingsService.Saved saved = settings.save(offeringId, itemId, form, spec, user.getAccountId());
    redirect.addFlashAttribute("message", saved.rescored() + saved.rerunsQueued() > 0
        ? "flash.labSettings.savedAndRegraded" : "flash.labSettings.saved");
    redirect.addFlashAttribute("messageArg", saved.rescored() + saved.rerunsQueued());
    return "redirect:/teach/offerings/" + offeringId + "/labs/" + itemId + "/settings";
  }

  private void addPage(Model model, Offering offering, CourseItem item, LabSpec spec) {
    model.addAttribute("offering", offering);
    model.addAttribute("item", item);
    model.addAttribute("spec", spec);
    model.addAttribute("scorePolicies", ScorePolicy.values());
    model.addAttribute("hiddenChecksChoices", HiddenChecks.values());
    model.addAttribute("tiers", List.of(JobSubmission.CPU_SMALL, JobSubmission.GPU));
  }

  private List<CourseItem> labItems(Offering offering) {
    return items.findActiveByCourse(offering.getCourse().getId()).stream()
        .filter(i -> i.getKind() == ItemKind.LAB)
        .toList();
  }

  private CourseItem labItem(Offering offering, long itemId) {
    return labItems(offering).stream().filter(i -> i.getId() == itemId).findFirst()
        .orElseThrow(() -> new PageNotFoundException("error.detail.item"));
  }

  private LabSpec spec(CourseItem item) {
    String labId = ItemBodies.lab(item).labId();
    return catalog.find(labId).orElseThrow(() -> new LabNotOfferedException(labId));
  }
}
