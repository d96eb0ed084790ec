package org.ethoslab.runner.executor;

/**
 * Which process of a job a sandbox holds. Each role of each slot runs as its own unprivileged uid when the runner is
 * root, so the hook host (student code) can never touch the trainer's files, nor the trainer the host's.
 */
public enum SandboxRole {
  /** The labs CLI's {@code run}: project code only, writes the artifacts. */
  TRAINER(0),
  /** The hook host: the student's classes, the hook API, nothing else. */
  HOOK_HOST(1000);

  private final int uidOffset;

  SandboxRole(int uidOffset) {
    this.uidOffset = uidOffset;
  }

  /** The uid of this role in {@code slot}, counting from the runner's first slot uid. */
  public int uid(int firstUid, int slot) {
    return firstUid + uidOffset + slot;
  }
}
