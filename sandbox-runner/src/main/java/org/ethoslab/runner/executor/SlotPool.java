package org.ethoslab.runner.executor;

import java.util.Optional;

/** The runner's job slots: a fixed number, each taken by at most one job at a time. */
final class SlotPool {

  private final boolean[] taken;

  SlotPool(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, was " + slots);
    }
    this.taken = new boolean[slots];
  }

  synchronized Optional<Integer> acquire() {
    for (int i = 0; i < taken.length; i++) {
      if (!taken[i]) {
        taken[i] = true;
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  synchronized void release(int slot) {
    taken[slot] = false;
  }
}
