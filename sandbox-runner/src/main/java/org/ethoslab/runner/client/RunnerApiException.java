package org.ethoslab.runner.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The app answered a protocol call with a status that retrying will not fix (4xx other than 408/429). */
public class RunnerApiException extends Exception {

  private static final Pattern ERROR_FIELD = Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final int status;
  private final String body;

  public RunnerApiException(int status, String message) {
    this(status, message, "");
  }

  public RunnerApiException(int status, String message, String body) {
    super(message);
    this.status = status;
    this.body = body == null ? "" : body;
  }

  /** The HTTP status; 0 when the call never got an answer. */
  public int status() {
    return status;
  }

  /** What the app said: the {@code error} of its JSON error body, else the body, else the message. */
  public String detail() {
    Matcher m = ERROR_FIELD.matcher(body);
    if (m.find()) {
      return m.group(1).replace("\\\"", "\"");
    }
    return body.isBlank() ? getMessage() : body;
  }
}
