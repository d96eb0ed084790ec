package org.ethoslab.runner.executor;

import java.nio.file.Path;

/**
 * Settings every executor provider gets.
 *
 * @param javaHome  the JDK that runs the labs CLI (bound read-only into the sandbox)
 * @param slots     jobs at once
 * @param scratch   a runner-owned directory for the start-up canary run
 * @param firstUid  the unprivileged uid of slot 0 when the runner is root (slot i gets firstUid + i)
 */
public record ExecutorSettings(Path javaHome, int slots, Path scratch, int firstUid) {

  /** The JDK this runner itself runs on, uid 61000 onwards. */
  public static ExecutorSettings defaults(int slots, Path scratch) {
    return new ExecutorSettings(Path.of(System.getProperty("java.home")), slots, scratch, 61000);
  }

  /** True when this process runs as uid 0 (it can then drop each sandbox to its own unprivileged uid). */
  public static boolean runningAsRoot() {
    try {
      for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[1].equals("0");
        }
      }
    } catch (java.io.IOException e) {
      return false;
    }
    return false;
  }

  Path javaBinary() {
    return javaHome.resolve("bin").resolve("java");
  }
}
