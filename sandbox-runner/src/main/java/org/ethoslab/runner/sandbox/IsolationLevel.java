package org.ethoslab.runner.sandbox;

/** How well this runner can contain student code, detected at start with a canary run through the real chain. */
public enum IsolationLevel {
  /** bubblewrap namespaces plus per-job cgroups (memory, processes, CPU) and an unprivileged uid. */
  FULL("bubblewrap sandbox with per-job cgroup limits and an unprivileged user"),
  /** bubblewrap namespaces and rlimits, but no writable cgroups: memory is bounded only by -Xmx, processes not at all. */
  NAMESPACES_ONLY("bubblewrap sandbox without cgroup limits "
      + "(memory and process counts are not enforced by the kernel)"),
  /** A plain child JVM: time, heap and output limits protect against accidents, not against hostile code. */
  NONE("no sandbox: student code runs as a plain child process with the runner's rights");

  private final String description;

  IsolationLevel(String description) {
    this.description = description;
  }

  /** The level in plain words, for logs and the health endpoint. */
  public String description() {
    return description;
  }

  /** True when student code may run here without the development flag. */
  public boolean containsStudentCode() {
    return this != NONE;
  }
}
