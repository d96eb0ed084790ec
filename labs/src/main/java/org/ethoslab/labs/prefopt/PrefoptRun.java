package org.ethoslab.labs.prefopt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.hooks.prefopt.PreferenceLoss;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.EventSink;
import org.ethoslab.labs.core.Hook;
import org.ethoslab.labs.core.LabContext;

/**
 * The run phase: load (or, on a cold start, build) the cached SFT model; generate the preference pairs; compute the
 * reference log-probabilities once; train one policy per loss from the same SFT weights on the same minibatches, the
 * student's loss hooks answering over the hook channel once per minibatch; write each policy's parameters.
 */
final class PrefoptRun {
  private final JobInput job;
  private final PrefoptConfig cfg;
  private final LabContext ctx;
  private final SftRecipe recipe;
  private final Path cacheRoot;
  private final EventSink events;
  private final Artifacts out;

  PrefoptRun(JobInput job, PrefoptConfig cfg, LabContext ctx, SftRecipe recipe, Path cacheRoot) {
    this.job = job;
    this.cfg = cfg;
    this.ctx = ctx;
    this.recipe = recipe;
    this.cacheRoot = cacheRoot;
    this.events = ctx.events();
    this.out = new Artifacts(ctx.outDir());
  }

  void execute() throws Exception {
    Map<String, Hook<PreferenceLoss>> losses = new LinkedHashMap<>();
    for (ReferenceLoss ref : ReferenceLoss.values()) {
      losses.put(ref.id(), ctx.hooks().hook(ref.hookName(), PreferenceLoss.class, ref));
    }

    events.phase("preparing");
    SftCache.Loaded loaded = SftCache.loadOrBuild(recipe, cacheRoot, ctx.scratchDir().resolve("model-cache"),
        msg -> events.log("info", msg));
    try (PolicyModel sft = loaded.model()) {
      List<ChatData.Pair> pairs = new ArrayList<>(ChatData.pairs(cfg.pairs(), ctx.rng("pairs")));
      int uploaded = 0;
      if (cfg.uploadedPairs()) {
        List<ChatData.Pair> extra = UploadedPairs.read(UploadedPairs.datasetDir());
        pairs.addAll(extra);
        uploaded = extra.size();
        events.log("info", "added " + uploaded + " uploaded HH-RLHF pairs to " + cfg.pairs()
            + " generated ones");
      }
      Sequences rows = encode(sft.vocab(), recipe.shape().context(), pairs);
      double[] reference = sft.replyLogProbs(rows, Measures.BATCH);
      byte[] sftBytes = sft.parameterBytes();

      events.phase("training");
      Map<String, Object> curves = new LinkedHashMap<>();
      List<ReferenceLoss> trained = cfg.trainedLosses();
      for (int k = 0; k < trained.size(); k++) {
        ReferenceLoss loss = trained.get(k);
        int index = k;
        try (PolicyModel policy = PolicyModel.load("policy-" + loss.id(), recipe.shape(), sft.vocab(),
            sftBytes)) {
          PreferenceTraining.Curves c = PreferenceTraining.train(policy, rows, reference,
              losses.get(loss.id()), cfg.training(), ctx.rng("batches"), (step, rw, rl, value) -> {
                events.metric("reward/chosen", step, rw, loss.id());
                events.metric("reward/rejected", step, rl, loss.id());
                events.metric("loss", step, value, loss.id());
                events.progress((index + (step + 1.0) / cfg.steps()) / trained.size(),
                    loss.id() + " step " + (step + 1) + "/" + cfg.steps());
              });
          curves.put(loss.id(), c);
          if (c.divergedAtStep() != null) {
            events.log("warn", loss.id() + ": log-probabilities stopped being finite at step "
                + (c.divergedAtStep() + 1) + "; training stopped (the policy diverged)");
          }
          out.write(PrefoptArtifacts.policyFile(loss.id()), policy.parameterBytes());
          if (!c.rw().isEmpty()) {
            events.log("info", String.format(Locale.ROOT, "%s: final batch r_w %.2f, r_l %.2f",
                loss.id(), c.rw().get(c.rw().size() - 1), c.rl().get(c.rl().size() - 1)));
          }
        }
      }

      events.phase("writing");
      out.writeJson(PrefoptArtifacts.CURVES, curves);
      Map<String, Object> provenance = new LinkedHashMap<>();
      provenance.put("lab", PrefoptLab.ID);
      provenance.put("labVersion", PrefoptLab.VERSION);
      provenance.put("jobSeed", job.seed());
      provenance.put("sftRecipe", recipe.toString());
      provenance.put("sftBuiltByThisRun", loaded.built());
      out.writeJson(PrefoptArtifacts.MANIFEST, new PrefoptArtifacts(recipe.hash(),
          trained.stream().map(ReferenceLoss::id).toList(),
          losses.get(cfg.loss().id()).submitted(), cfg.pairs(), uploaded, provenance));
    }
  }

  /** Chosen replies in rows 0..n−1, rejected ones in rows n..2n−1. */
  static Sequences encode(Vocabulary vocab, int context, List<ChatData.Pair> pairs) {
    List<String> prompts = new ArrayList<>();
    List<String> replies = new ArrayList<>();
    pairs.forEach(p -> {
      prompts.add(p.prompt());
      replies.add(p.chosen());
    });
    pairs.forEach(p -> {
      prompts.add(p.prompt());
      replies.add(p.rejected());
    });
    return Sequences.of(vocab, context, prompts, replies);
  }
}
