package org.ethoslab.labs.core;

import java.util.List;
import org.ethoslab.contract.job.LabExit;

/**
 * A failure the CLI reports with a typed kind: bad input, a student's compile or runtime error, or an internal error.
 * {@code messages} holds one line per diagnostic (a compile error may have several); {@code file}/{@code line}
 * point at student code when known.
 */
public class LabFailure extends RuntimeException {
  private final LabExit kind;
  private final String file;
  private final Integer line;
  private final List<String> messages;

  public LabFailure(LabExit kind, String message) {
    this(kind, message, null, null, List.of(message), null);
  }

  public LabFailure(LabExit kind, String message, Throwable cause) {
    this(kind, message, null, null, List.of(message), cause);
  }

  public LabFailure(LabExit kind, String message, String file, Integer line, List<String> messages,
           Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.file = file;
    this.line = line;
    this.messages = List.copyOf(messages);
  }

  /** Bad input naming the field: {@code params.numSeeds: must be between 1 and 10, got 50}. */
  public static LabFailure badInput(String field, String problem) {
    return new LabFailure(LabExit.BAD_INPUT, field + ": " + problem);
  }

  public LabExit kind() {
    return kind;
  }

  public String file() {
    return file;
  }

  public Integer line() {
    return line;
  }

  public List<String> messages() {
    return messages;
  }
}
