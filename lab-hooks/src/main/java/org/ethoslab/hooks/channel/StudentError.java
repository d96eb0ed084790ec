package org.ethoslab.hooks.channel;

/**
 * What a student hook threw, as the hook host saw it.
 *
 * @param exception the throwable's class name, e.g. {@code java.lang.ArithmeticException}
 * @param message   its message, or empty
 * @param file      the student file of the innermost student frame, e.g. {@code SoftVote.java}, or empty
 * @param line      that frame's line, or 0
 */
public record StudentError(String exception, String message, String file, int line) {

  /** {@code java.lang.ArithmeticException: / by zero (SoftVote.java:7)}. */
  public String describe() {
    return exception + (message.isEmpty() ? "" : ": " + message) + (file.isEmpty() ? "" : " (" + file + ":" + line
        + ")");
  }

  /** The throwable as a student error, pointing at the innermost frame of a class from {@code studentLoader}. */
  public static StudentError of(Throwable t, String studentLoader) {
    String file = "";
    int line = 0;
    for (StackTraceElement frame : t.getStackTrace()) {
      if (studentLoader.equals(frame.getClassLoaderName()) && frame.getFileName() != null) {
        file = frame.getFileName();
        line = Math.max(0, frame.getLineNumber());
        break;
      }
    }
    String message = t.getMessage() == null ? "" : t.getMessage();
    return new StudentError(t.getClass().getName(), message.length() > 2000 ? message.substring(0, 2000) + "…"
        : message, file, line);
  }
}
