package org.ethoslab.runner.gpu;

import java.util.Optional;

/**
 * Time-slicing of the node's GPUs between job slots: each GPU takes at most {@code jobsPerGpu} jobs at once (one by
 * default, so a job has its GPU's memory to itself). A slot reserves a share <em>before</em> it claims, and claims
 * GPU work only when it holds one, so two slots can never both take GPU jobs for the last free GPU.
 */
public final class GpuShares {

  private final GpuInventory inventory;
  private final int jobsPerGpu;
  private final int[] running;

  public GpuShares(GpuInventory inventory, int jobsPerGpu) {
    if (jobsPerGpu < 1 || jobsPerGpu > 64) {
      throw new IllegalArgumentException("--jobs-per-gpu must be between 1 and 64, was " + jobsPerGpu);
    }
    this.inventory = inventory;
    this.jobsPerGpu = jobsPerGpu;
    this.running = new int[inventory.count()];
  }

  /** No GPUs: every reservation is empty. */
  public static GpuShares none() {
    return new GpuShares(GpuInventory.none(), 1);
  }

  public GpuInventory inventory() {
    return inventory;
  }

  public int jobsPerGpu() {
    return jobsPerGpu;
  }

  /** A share of the least busy GPU that has room, or empty when every GPU is full (or there is none). */
  public synchronized Optional<GpuShare> tryAcquire() {
    int best = -1;
    for (int i = 0; i < running.length; i++) {
      if (running[i] < jobsPerGpu && (best < 0 || running[i] < running[best])) {
        best = i;
      }
    }
    if (best < 0) {
      return Optional.empty();
    }
    running[best]++;
    return Optional.of(new GpuShare(best, inventory.deviceFiles(best), inventory.memoryMbEach().get(best)));
  }

  /** Gives a share back; releasing one twice is a bug in the caller. */
  public synchronized void release(GpuShare share) {
    if (share.index() >= running.length || running[share.index()] == 0) {
      throw new IllegalStateException("GPU " + share.index() + " has no share to release");
    }
    running[share.index()]--;
  }

  /** Jobs on GPU {@code index} now. */
  public synchronized int running(int index) {
    return running[index];
  }
}
