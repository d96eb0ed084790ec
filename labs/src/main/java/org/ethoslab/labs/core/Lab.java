package org.ethoslab.labs.core;

/**
 * A graded lab. {@link #run} is the UNTRUSTED phase (it may execute student code: it trains and writes artifacts and
 * events); {@link #evaluate} is the TRUSTED phase (it reads only artifacts and hidden data, never student code).
 */
public interface Lab {
    LabSpec spec();

    /** Trains, writes artifacts into {@code ctx.outDir()}, emits events. Throws {@link LabFailure} for typed errors. */
    void run(JobInput job, Params params, LabContext ctx) throws Exception;

    /** Scores the artifacts against hidden data ({@code job.hidden()}, or a documented default when absent). */
    Evaluation evaluate(JobInput job, Params params, Artifacts artifacts) throws Exception;

    /**
     * Parameter defaults for the GPU tier (see {@link ComputeScale}); none unless a lab scales up on a GPU. Every value
     * must lie within the parameter's bounds in {@link #spec()}.
     */
    default java.util.Map<String, Object> gpuScale() {
        return java.util.Map.of();
    }
}
