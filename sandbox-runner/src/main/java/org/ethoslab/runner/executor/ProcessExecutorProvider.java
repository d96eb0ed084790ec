package org.ethoslab.runner.executor;

import java.util.Optional;
import org.ethoslab.runner.sandbox.IsolationLevel;

/**
 * Development only: plain child processes, isolation {@link IsolationLevel#NONE}. A root runner drops every child to
 * an unprivileged uid ({@code setpriv}); where it cannot, {@link ExecutorFeatures#unprivilegedUser()} is false and
 * the runner refuses to run student code at all.
 */
final class ProcessExecutorProvider implements ExecutorProvider {

  private final ExecutorSettings settings;
  private final SlotPool slots;
  private final ExecutorFeatures features;
  private final boolean root;

  ProcessExecutorProvider(ExecutorSettings settings, String why) {
    this.settings = settings;
    this.slots = new SlotPool(settings.slots());
    this.root = ExecutorSettings.runningAsRoot();
    boolean unprivileged = !root || ProcessExecutor.canDropPrivileges();
    this.features = new ExecutorFeatures(IsolationLevel.NONE, false, unprivileged, why + "; " + (root
        ? (unprivileged ? "children drop to an unprivileged uid (setpriv)" : "runner is root and setpriv is missing: "
            + "children could not drop root") : "children run as the runner's own (unprivileged) user"));
  }

  @Override
  public String name() {
    return "process";
  }

  @Override
  public ExecutorFeatures features() {
    return features;
  }

  @Override
  public boolean canCreate() {
    return true;
  }

  @Override
  public Optional<Integer> acquire() {
    return slots.acquire();
  }

  @Override
  public void release(int slot) {
    slots.release(slot);
  }

  @Override
  public Executor create(int slot, SandboxRole role) {
    return new ProcessExecutor(settings, root && ProcessExecutor.canDropPrivileges(),
        role.uid(settings.firstUid(), slot), role);
  }

  @Override
  public void close() {
    // Nothing shared to remove.
  }
}
