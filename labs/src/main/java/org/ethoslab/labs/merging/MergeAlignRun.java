package org.ethoslab.labs.merging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.EventSink;
import org.ethoslab.labs.core.FailureKind;
import org.ethoslab.labs.core.JobInput;
import org.ethoslab.labs.core.LabContext;
import org.ethoslab.labs.core.LabFailure;
import org.ethoslab.labs.hooks.CompiledHooks;
import org.ethoslab.labs.hooks.HookCompiler;
import org.ethoslab.labs.hooks.StudentCode;
import org.ethoslab.labs.lm.LanguageModel;
import org.ethoslab.labs.lm.ModelCache;
import org.ethoslab.labs.lm.ParameterTree;

/**
 * The untrusted phase of the MergeAlign lab: compiles the student's merge hooks and records their outputs on probe
 * parameter trees; makes sure the three models are built (a cold run builds them and says so); merges domain
 * expert and aligned model with the chosen method — the student's hook when given — and writes the merged
 * parameters. Scoring happens only in the trusted phase.
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
        events.phase("compiling");
        Map<String, MergeMethod> hooks = loadHooks();
        Map<String, List<MergeProbes.Output>> probes = new LinkedHashMap<>();
        for (MergeHook hook : MergeHook.values()) {
            List<MergeProbes.Probe> inputs = MergeProbes.inputs(job.seed(), hook);
            probes.put(hook.hookName(), MergeProbes.outputs(hooks.get(hook.hookName()), inputs));
        }
        out.writeJson(MergeAlignArtifacts.PROBES, probes);

        events.phase("preparing");
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
        MergeHook hook = cfg.hook();
        MergeSettings settings = cfg.settings(job.seed());
        events.log("info", "merging with " + cfg.method() + " (" + MergeAlignConfig.knob(cfg.method()) + " = "
                + cfg.knobValue() + ") using the " + source(hook) + " implementation");
        long mergeStart = System.currentTimeMillis();
        ParameterTree merged = StudentCode.call(() -> hooks.get(hook.hookName()).merge(base,
                List.of(domain, aligned), settings));
        if (merged == null) {
            throw new LabFailure(FailureKind.RUNTIME_ERROR, hook.hookName() + " returned null for the real models");
        }
        try {
            base.requireSameLayout(merged, "the merged model");
        } catch (IllegalArgumentException e) {
            throw new LabFailure(FailureKind.RUNTIME_ERROR, hook.hookName() + " returned a tree unlike the base: "
                    + e.getMessage());
        }
        events.metric("merge/millis", 0, System.currentTimeMillis() - mergeStart, null);

        events.phase("writing");
        try (OutputStream os = Files.newOutputStream(out.resolve(MergeAlignArtifacts.MERGED))) {
            merged.write(os);
        }
        out.writeJson(MergeAlignArtifacts.MANIFEST, new MergeAlignArtifacts(cfg.method(),
                MergeAlignConfig.knob(cfg.method()), cfg.knobValue(), cfg.models(), models.baseRecipe().hash(),
                models.domainRecipe().hash(), models.alignedRecipe().hash(), source(hook), new LinkedHashMap<>(
                        Map.of("alpha", cfg.alpha(), "lambda", cfg.lambda(), "density", cfg.density(), "t", cfg.t(),
                                "weightDomain", cfg.weightDomain(), "weightAligned", cfg.weightAligned()))));
        events.progress(1.0, "done");
    }

    private String source(MergeHook hook) {
        return job.hooks().containsKey(hook.hookName()) ? "student" : "reference";
    }

    private Map<String, MergeMethod> loadHooks() throws Exception {
        for (String name : job.hooks().keySet()) {
            if (MergeHook.byName(name) == null) {
                throw LabFailure.badInput("hooks." + name, "unknown hook for lab mergealign (known: "
                        + String.join(", ", MergeHook.names()) + ")");
            }
        }
        CompiledHooks compiled = HookCompiler.compile(job.hooks(), ctx.scratchDir());
        Map<String, MergeMethod> hooks = new LinkedHashMap<>();
        for (MergeHook hook : MergeHook.values()) {
            String name = hook.hookName();
            hooks.put(name, job.hooks().containsKey(name) ? compiled.instantiate(name, MergeMethod.class)
                    : hook.reference());
        }
        return hooks;
    }

    static ParameterTree readTree(Path modelDir) throws IOException {
        return LanguageModel.readParameters(modelDir);
    }
}
