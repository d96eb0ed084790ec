package org.ethoslab.app.grading;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.system.AccessRefusedException;
import org.springframework.stereotype.Component;

/**
 * The gate of every instructor page of an offering: its owner and admins pass; anyone else gets a 403 page that says
 * why, and an unknown offering a 404. A student enrolled in the offering is still refused here.
 */
@Component
public class TeachingAccess {

  private final OfferingService offerings;

  TeachingAccess(OfferingService offerings) {
    this.offerings = offerings;
  }

  /**
   * @return the offering, with its course loaded
   * @throws AccessRefusedException when the user neither owns the offering nor is an admin
   */
  public Offering requireTeaching(long offeringId, CurrentUser user) {
    OfferingService.OfferingAccess access;
    try {
      access = offerings.access(offeringId, user.getAccountId(), user.isAdmin());
    } catch (AccessRefusedException e) {
      throw new AccessRefusedException("error.detail.notTeaching");
    }
    if (!access.teaching()) {
      throw new AccessRefusedException("error.detail.notTeaching");
    }
    return access.offering();
  }
}
