package org.ethoslab.app.authoring;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.system.PageNotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where an internal link {@code item:<module>/<item>} of authored Markdown lands (the renderer points it here):
 * redirects to the item's page in the offering, for anyone who may see the offering.
 */
@Controller
class ItemLinkController {

  private final OfferingService offerings;
  private final AuthoringService authoring;

  ItemLinkController(OfferingService offerings, AuthoringService authoring) {
    this.offerings = offerings;
    this.authoring = authoring;
  }

  @GetMapping("/offerings/{offeringId}/items/by-slug/{moduleSlug}/{itemSlug}")
  String followLink(@PathVariable long offeringId, @PathVariable String moduleSlug, @PathVariable String itemSlug,
                    @AuthenticationPrincipal CurrentUser user) {
    OfferingService.OfferingAccess access = offerings.access(offeringId, user.getAccountId(), user.isAdmin());
    long itemId = authoring.publishedItemId(access.offering().getCourse().getId(), moduleSlug, itemSlug)
        .orElseThrow(() -> new PageNotFoundException("error.detail.item"));
    return "redirect:/offerings/" + offeringId + "/items/" + itemId;
  }
}
