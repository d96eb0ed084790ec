package org.ethoslab.app.labspec;

/**
 * A lab item names a lab that no runner has published (yet): its pages say so in plain words instead of failing.
 * Rendered by {@link LabNotOfferedAdvice}.
 */
public class LabNotOfferedException extends RuntimeException {

  private final String labId;

  public LabNotOfferedException(String labId) {
    super("no runner offers lab " + labId);
    this.labId = labId;
  }

  public String labId() {
    return labId;
  }
}
