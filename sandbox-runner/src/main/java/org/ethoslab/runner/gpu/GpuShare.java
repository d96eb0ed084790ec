package org.ethoslab.runner.gpu;

import java.nio.file.Path;
import java.util.List;

/**
 * One job's place on a GPU.
 *
 * @param index        the CUDA device number (what {@code CUDA_VISIBLE_DEVICES} selects)
 * @param deviceFiles  device files bound into the job's sandbox
 * @param memoryMb     the GPU's total memory
 */
public record GpuShare(int index, List<Path> deviceFiles, long memoryMb) {
  public GpuShare {
    deviceFiles = List.copyOf(deviceFiles);
  }
}
