package org.ethoslab.labs.cli;

import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.job.LabExit;
import org.ethoslab.labs.core.LabFailure;

/**
 * Pins the native engines to the job's CPU share before they load. A cgroup quota alone does not stop PyTorch from
 * starting one thread per core, and two over-subscribed jobs on two cores each run several times slower.
 */
final class EngineSetup {
  private EngineSetup() {
  }

  static void configure(JobInput.Resources resources) {
    String threads = Integer.toString(resources.cpus());
    System.setProperty("ai.djl.pytorch.num_threads", threads);
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    // Read by the MiniLM encoder when it opens its ONNX Runtime session.
    System.setProperty("ethoslab.onnx.intra_op_threads", threads);
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  /**
   * A job on the GPU must see one: the runner sets {@code device: gpu} only for a slot holding a GPU share, so a
   * missing GPU is the platform's fault (exit 1, retried elsewhere), never silently a slow CPU run.
   */
  static void requireGpuWhenAsked(JobInput.Resources resources) {
    if (!"gpu".equals(resources.device())) {
      return;
    }
    int gpus = ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount();
    if (gpus < 1) {
      throw new LabFailure(LabExit.INTERNAL_ERROR, "resources.device is gpu but PyTorch sees no CUDA GPU "
          + "(CUDA_VISIBLE_DEVICES=" + System.getenv("CUDA_VISIBLE_DEVICES") + ", PYTORCH_FLAVOR="
          + System.getenv("PYTORCH_FLAVOR") + ")");
    }
  }
}
