package org.ethoslab.app.system;

/** The page asked for does not exist (unknown id in the URL); rendered as a 404 page with a plain explanation. */
public class PageNotFoundException extends RuntimeException {

  private final String messageKey;

  /** @param messageKey key in messages.properties naming what was not found */
  public PageNotFoundException(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
