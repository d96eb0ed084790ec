package org.ethoslab.labs.merging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.hooks.ParameterTree;
import org.ethoslab.hooks.merging.MergeMethod;
import org.ethoslab.hooks.merging.MergeSettings;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.EventSink;
import org.ethoslab.labs.core.Hook;
import org.ethoslab.labs.core.LabContext;
import org.ethoslab.labs.lm.LanguageModel;
import org.ethoslab.labs.lm.ModelCache;

/**
 * The run phase of the MergeAlign lab: makes sure the three models are built (a cold run builds them and says so);
 * merges domain expert and aligned model with the chosen method — the student's hook over the hook channel when
 * given — checks that the merge has the base's layout and finite values, and writes it. Scoring happens only in the
 * trusted phase.
 */
final class MergeAlignRun {
  private final JobInput job;
  private final MergeAlignConfig cfg;
  private final LabContext ctx;
  private final EventSink events;
  private final Artifacts out;

  MergeAlignRun(JobInput job, MergeAlignConfig cfg, LabContext ctx) {
    this.job = job;
    this.cfg = cfg;
    this.ctx = ctx;
    this.events = ctx.events();
    this.out = new Artifacts(ctx.outDir());
  }

  void execute() throws Exception {
    events.phase("preparing");
    MergeHook hook = cfg.hook();
    Hook<MergeMethod> merge = ctx.hooks().hook(hook.hookName(), MergeMethod.class, hook.reference());
    MergeAlignModels models = new MergeAlignModels(cfg.modelSet());
    long start = System.currentTimeMillis();
    MergeAlignModels.Folders folders = models.ensure(ModelCache.configured(ctx.scratchDir()),
        message -> events.log("info", message));
    events.progress(0.6, String.format(Locale.ROOT, "models ready in %.1f s",
        (System.currentTimeMillis() - start) / 1000.0));

    events.phase("training");
    ParameterTree base = readTree(folders.base());
    ParameterTree domain = readTree(folders.domain());
    ParameterTree aligned = readTree(folders.aligned());
    MergeSettings settings = cfg.settings(job.seed());
    events.log("info", "merging with " + cfg.method() + " (" + MergeAlignConfig.knob(cfg.method()) + " = "
        + cfg.knobValue() + ") using the " + merge.source() + " implementation");
    ParameterTree merged = (ParameterTree) merge.call(base, List.of(domain, aligned), settings);
    if (merged == null) {
      throw merge.unusable("returned null for the real models");
    }
    try {
      base.requireSameLayout(merged, "the merged model");
      requireFinite(merged);
    } catch (IllegalArgumentException e) {
      throw merge.unusable("returned a tree unlike the base: " + e.getMessage());
    }

    events.phase("writing");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    merged.write(bytes);
    out.write(MergeAlignArtifacts.MERGED, bytes.toByteArray());
    out.writeJson(MergeAlignArtifacts.MANIFEST, new MergeAlignArtifacts(cfg.method(),
        MergeAlignConfig.knob(cfg.method()), cfg.knobValue(), cfg.models(), models.baseRecipe().hash(),
        models.domainRecipe().hash(), models.alignedRecipe().hash(), merge.source(), new LinkedHashMap<>(
            Map.of("alpha", cfg.alpha(), "lambda", cfg.lambda(), "density", cfg.density(), "t", cfg.t(),
                "weightDomain", cfg.weightDomain(), "weightAligned", cfg.weightAligned()))));
    events.progress(1.0, "done");
  }

  /** A merge that is not finite would poison every score; it is the hook's answer, so the student hears of it. */
  private static void requireFinite(ParameterTree merged) {
    for (var e : merged.asMap().entrySet()) {
      for (float v : e.getValue().values()) {
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException(e.getKey() + " holds " + v);
        }
      }
    }
  }

  static ParameterTree readTree(Path modelDir) throws IOException {
    return LanguageModel.readParameters(modelDir);
  }
}
