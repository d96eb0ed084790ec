package org.ethoslab.app.system;

/** The signed-in user may not see this page; rendered as a 403 page that explains why in plain words. */
public class AccessRefusedException extends RuntimeException {

  private final String messageKey;

  /** @param messageKey key in messages.properties of the explanation shown to the user */
  public AccessRefusedException(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
