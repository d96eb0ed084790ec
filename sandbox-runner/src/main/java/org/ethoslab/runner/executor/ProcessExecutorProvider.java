package org.ethoslab.runner.executor;

import java.util.Optional;
import org.ethoslab.runner.sandbox.IsolationLevel;

/** Development only: plain child processes, isolation {@link IsolationLevel#NONE}. */
final class ProcessExecutorProvider implements ExecutorProvider {

  private final ExecutorSettings settings;
  private final SlotPool slots;
  private final ExecutorFeatures features;

  ProcessExecutorProvider(ExecutorSettings settings, String why) {
    this.settings = settings;
    this.slots = new SlotPool(settings.slots());
    this.features = new ExecutorFeatures(IsolationLevel.NONE, false, false, why);
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
  public Executor create(int slot) {
    return new ProcessExecutor(settings);
  }

  @Override
  public void close() {
    // Nothing shared to remove.
  }
}
