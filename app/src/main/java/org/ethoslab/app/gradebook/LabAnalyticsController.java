package org.ethoslab.app.gradebook;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.course.ItemBodies;
import org.ethoslab.app.labspec.LabNotOfferedException;
import org.ethoslab.app.labspec.PublishedLabs;
import org.ethoslab.app.grading.TeachingAccess;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.system.PageNotFoundException;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.curriculum.ItemKind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Class analytics of one lab: tables for everyone, charts drawn from the same numbers by lab-analytics.js. */
@Controller
class LabAnalyticsController {

  static final String VIEW = "grading/analytics";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TeachingAccess teaching;
  private final CourseItemRepository items;
  private final PublishedLabs catalog;
  private final LabAnalyticsService analytics;

  LabAnalyticsController(TeachingAccess teaching, CourseItemRepository items, PublishedLabs catalog,
                         LabAnalyticsService analytics) {
    this.teaching = teaching;
    this.items = items;
    this.catalog = catalog;
    this.analytics = analytics;
  }

  @GetMapping("/teach/offerings/{offeringId}/labs/{itemId}/analytics")
  String showAnalytics(@PathVariable long offeringId, @PathVariable long itemId,
                       @AuthenticationPrincipal CurrentUser user, Model model) throws JsonProcessingException {
    Offering offering = teaching.requireTeaching(offeringId, user);
    CourseItem item = items.findActiveByCourse(offering.getCourse().getId()).stream()
        .filter(i -> i.getId() == itemId && i.getKind() == ItemKind.LAB)
        .findFirst()
        .orElseThrow(() -> new PageNotFoundException("error.detail.item"));
    String labId = ItemBodies.lab(item).labId();
    LabSpec spec = catalog.find(labId).orElseThrow(() -> new LabNotOfferedException(labId));
    LabAnalytics result = analytics.analyse(offeringId, itemId, spec);
    model.addAttribute("offering", offering);
    model.addAttribute("item", item);
    model.addAttribute("analytics", result);
    model.addAttribute("scoresJson", chart(result.scores()));
    model.addAttribute("metricJson", result.metrics().stream().map(LabAnalyticsController::chartUnchecked).toList());
    return VIEW;
  }

  private static String chart(LabAnalytics.Histogram h) throws JsonProcessingException {
    return JSON.writeValueAsString(Map.of("name", h.name(), "labels", h.labels(), "counts", h.counts()));
  }

  private static String chartUnchecked(LabAnalytics.Histogram h) {
    try {
      return chart(h);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
