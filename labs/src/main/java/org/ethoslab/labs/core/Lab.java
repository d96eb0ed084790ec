package org.ethoslab.labs.core;

import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.contract.lab.LabSpec;

/**
 * A graded lab, found through {@link java.util.ServiceLoader} ({@code META-INF/services/org.ethoslab.labs.core.Lab}).
 * Both phases are the project's own code; student code runs only in the hook host and is reached through
 * {@link StudentHooks}. {@link #run} (the trainer, sandboxed) calls the student's hooks on inputs it chooses, checks
 * every answer, trains and alone writes the artifacts; {@link #evaluate} (trusted, outside the sandbox) scores those
 * artifacts against hidden data and the hooks' answers to hidden probe inputs it draws itself.
 */
public interface Lab {
  LabSpec spec();

  /** Trains, writes artifacts into {@code ctx.outDir()}, emits events. Throws {@link LabFailure} for typed errors. */
  void run(JobInput job, Params params, LabContext ctx) throws Exception;

  /**
   * Scores the artifacts against hidden data ({@code job.hidden()}, or a documented default when absent) and the
   * student's hooks against their references on probe inputs drawn from the hidden seed.
   */
  Evaluation evaluate(JobInput job, Params params, Artifacts artifacts, StudentHooks hooks) throws Exception;

  /**
   * Parameter defaults for the GPU tier (see {@link ComputeScale}); none unless a lab scales up on a GPU. Every value
   * must lie within the parameter's bounds in {@link #spec()}.
   */
  default java.util.Map<String, Object> gpuScale() {
    return java.util.Map.of();
  }
}
