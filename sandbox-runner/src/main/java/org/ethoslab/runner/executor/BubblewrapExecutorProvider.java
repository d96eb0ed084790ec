package org.ethoslab.runner.executor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.ethoslab.runner.sandbox.CgroupHierarchy;
import org.ethoslab.runner.sandbox.IsolationLevel;
import org.ethoslab.runner.sandbox.JdkMounts;

/**
 * The default provider: bubblewrap executors. At creation it finds what this machine allows (root for per-slot uids
 * and cgroups, a writable cgroup hierarchy) and proves it with a canary run; the result is its isolation level.
 */
final class BubblewrapExecutorProvider implements ExecutorProvider {

  private static final Logger LOG = Logger.getLogger(BubblewrapExecutorProvider.class.getName());

  private final ExecutorSettings settings;
  private final SlotPool slots;
  private final Optional<CgroupHierarchy> cgroups;
  private final boolean root;
  private final List<Path> jdkMounts;
  private final ExecutorFeatures features;

  BubblewrapExecutorProvider(ExecutorSettings settings) {
    this.settings = settings;
    this.slots = new SlotPool(settings.slots());
    this.root = ExecutorSettings.runningAsRoot();
    this.cgroups = root ? CgroupHierarchy.detect() : Optional.empty();
    cgroups.ifPresent(CgroupHierarchy::sweepStale);
    this.jdkMounts = JdkMounts.of(settings.javaHome());
    IsolationProbe.Result probe = IsolationProbe.run(settings, cgroups, root, jdkMounts);
    IsolationLevel level;
    if (!probe.contained()) {
      level = IsolationLevel.NONE;
    } else if (root && cgroups.isPresent()) {
      level = IsolationLevel.FULL;
    } else {
      level = IsolationLevel.NAMESPACES_ONLY;
    }
    String detail = probe.detail() + "; " + (root ? "per-slot uid from " + settings.firstUid() : "runner is not root: no uid drop")
        + "; " + cgroups.map(c -> c.unified() ? "cgroup v2 limits" : "cgroup v1 limits")
            .orElse("no writable cgroups: memory and process limits are not enforced by the kernel");
    this.features = new ExecutorFeatures(level, cgroups.isPresent() && probe.contained(), root && probe.contained(),
        detail);
    LOG.info("bubblewrap executor: isolation " + level + " (" + detail + ")");
  }

  @Override
  public String name() {
    return "bubblewrap";
  }

  @Override
  public ExecutorFeatures features() {
    return features;
  }

  @Override
  public boolean canCreate() {
    return features.isolation() != IsolationLevel.NONE;
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
    if (!canCreate()) {
      throw new IllegalStateException("bubblewrap is not usable here: " + features.detail());
    }
    return new BubblewrapExecutor(settings, cgroups, root, jdkMounts, slot, role);
  }

  @Override
  public void close() {
    cgroups.ifPresent(CgroupHierarchy::close);
  }
}
