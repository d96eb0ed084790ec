package org.ethoslab.contract.runner;

import java.util.List;

/**
 * What a runner can take: reported on every claim and shown on the admin fleet page.
 *
 * @param cpus         CPU cores the runner may hand to jobs
 * @param memoryMb     memory the runner may hand to jobs
 * @param gpus         number of GPUs (0 on CPU nodes)
 * @param gpuMemoryMb  memory per GPU (0 on CPU nodes)
 * @param labs         lab ids (optionally {@code id@version}) the runner has installed
 * @param isolation    detected isolation level: {@code FULL}, {@code NAMESPACES_ONLY} or {@code NONE}
 * @param slots        jobs the runner runs at once
 * @param version      runner software version
 */
public record RunnerCapabilities(int cpus, long memoryMb, int gpus, long gpuMemoryMb, List<String> labs,
                                 String isolation, int slots, String version) {
  public RunnerCapabilities {
    labs = labs == null ? List.of() : List.copyOf(labs);
  }
}
