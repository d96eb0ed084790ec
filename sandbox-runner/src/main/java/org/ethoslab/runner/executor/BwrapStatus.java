package org.ethoslab.runner.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What bubblewrap wrote to {@code --json-status-fd}: a {@code child-pid} document once its child is cloned (before
 * the mounts are set up) and an {@code exit-code} document only when the program itself ran and ended. No
 * {@code exit-code} (and no kill by the runner) means bwrap failed while building the sandbox — measured: a missing
 * bind source leaves only {@code child-pid} — which tells a sandbox failure from a program that exits 1 by itself.
 */
record BwrapStatus(boolean cloned, OptionalInt exitCode) {

  /** The program ran and reported its exit status. */
  boolean programRan() {
    return exitCode.isPresent();
  }


  private static final Pattern CHILD_PID = Pattern.compile("\"child-pid\"\\s*:\\s*\\d+");
  private static final Pattern EXIT_CODE = Pattern.compile("\"exit-code\"\\s*:\\s*(\\d+)");

  static BwrapStatus read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      return new BwrapStatus(false, OptionalInt.empty());
    }
    Matcher exit = EXIT_CODE.matcher(text);
    return new BwrapStatus(CHILD_PID.matcher(text).find(),
        exit.find() ? OptionalInt.of(Integer.parseInt(exit.group(1))) : OptionalInt.empty());
  }
}
