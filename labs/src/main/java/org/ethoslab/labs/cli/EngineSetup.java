package org.ethoslab.labs.cli;

import org.ethoslab.labs.core.JobInput;

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
}
