package org.ethoslab.runner.executor;

import java.util.Optional;

/**
 * Creates executors of one kind and hands out the runner's slots, in the shape of GitLab Runner's executor
 * provider (create, acquire/release, features). Implementations are registered in {@link ExecutorRegistry}.
 */
public interface ExecutorProvider extends AutoCloseable {

  /** The registered name, e.g. {@code bubblewrap}. */
  String name();

  /** What this provider can do here; detected once when it was created. */
  ExecutorFeatures features();

  /** True when this provider can create executors at all on this machine. */
  boolean canCreate();

  /** Takes a free slot (0-based), or empty when all are busy. */
  Optional<Integer> acquire();

  /** Gives a slot back. */
  void release(int slot);

  /** A fresh executor for one process of a job in the given slot: the trainer or the hook host. */
  Executor create(int slot, SandboxRole role);

  /** Removes what the provider set up for all jobs (its cgroup base). */
  @Override
  void close();
}
