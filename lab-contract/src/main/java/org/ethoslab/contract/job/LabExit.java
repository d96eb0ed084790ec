package org.ethoslab.contract.job;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a labs CLI process ends, by exit code; the runner makes its verdict from these and from its own evidence.
 * Code 3 is the JVM's ({@code -XX:+ExitOnOutOfMemoryError}), never chosen by the CLI.
 */
public enum LabExit {
  /** The command did what it was asked. */
  OK(0),
  /** The lab failed on its own: a platform fault, never the student's. */
  INTERNAL_ERROR(1),
  /** The job input, a parameter, the rubric, a dataset or an artifact is invalid; the message names it. */
  BAD_INPUT(2),
  /** The JVM ran out of heap. */
  OUT_OF_MEMORY(3),
  /** The hook host: a student class does not compile. */
  COMPILE_ERROR(4),
  /** A student hook threw, or answered something the lab cannot use (wrong shape, not finite, out of bounds). */
  STUDENT_CODE_FAILED(5),
  /** The hook channel closed under the trainer or evaluator: the runner knows why (it watched the hook host). */
  HOOK_CHANNEL_LOST(6);

  private final int code;

  LabExit(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The exit with this code, if it is one of the CLI's. */
  public static Optional<LabExit> of(int code) {
    return Arrays.stream(values()).filter(e -> e.code == code).findFirst();
  }
}
