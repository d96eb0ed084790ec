package org.ethoslab.labs.lm;

import java.util.function.Consumer;

/**
 * A lab whose jobs need pre-built models. {@code labs build-models <lab>} calls {@link #buildModels} so a machine
 * or image can build them once, ahead of any job.
 */
public interface CachedModels {
    /** Builds every model the lab's default configuration needs into {@code cache} (skipping cached ones). */
    void buildModels(ModelCache cache, Consumer<String> log) throws Exception;
}
