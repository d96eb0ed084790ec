package org.ethoslab.runner.gpu;

import java.util.function.Supplier;

/**
 * How a runner uses GPUs ({@code --gpus}, {@code --jobs-per-gpu}).
 *
 * @param maxGpus     GPUs to use: {@value #ALL} = every GPU {@code nvidia-smi} lists, 0 = none (a CPU runner on a GPU
 *                    host), N = the first N
 * @param jobsPerGpu  jobs sharing one GPU at once (1 by default: a job has its GPU's memory to itself)
 */
public record GpuPolicy(int maxGpus, int jobsPerGpu) {

  /** {@link #maxGpus} meaning every detected GPU. */
  public static final int ALL = -1;
  /** Detect and use every GPU, one job each. */
  public static final GpuPolicy DETECT = new GpuPolicy(ALL, 1);

  public GpuPolicy {
    if (maxGpus < ALL) {
      throw new IllegalArgumentException("--gpus must be 'all' or a whole number from 0, was " + maxGpus);
    }
    if (jobsPerGpu < 1 || jobsPerGpu > 64) {
      throw new IllegalArgumentException("--jobs-per-gpu must be between 1 and 64, was " + jobsPerGpu);
    }
  }

  /** The shares this policy gives on a node whose GPUs {@code detect} finds (not called when GPUs are off). */
  public GpuShares shares(Supplier<GpuInventory> detect) {
    if (maxGpus == 0) {
      return GpuShares.none();
    }
    GpuInventory found = detect.get();
    return new GpuShares(maxGpus == ALL ? found : found.limitTo(maxGpus), jobsPerGpu);
  }
}
