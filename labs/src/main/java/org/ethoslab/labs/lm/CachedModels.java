package org.ethoslab.labs.lm;

import java.util.function.Consumer;
import org.ethoslab.labs.core.Params;

/**
 * A lab whose jobs need pre-built models. {@code labs build-models <lab> [--job job.json]} calls {@link #buildModels}
 * so a machine or image can build them once, ahead of any job: the models of the default parameters, or of the
 * job's.
 */
public interface CachedModels {
  /** Builds every model a job with these (validated) parameters needs into {@code cache}, skipping cached ones. */
  void buildModels(ModelCache cache, Consumer<String> log, Params params) throws Exception;
}
