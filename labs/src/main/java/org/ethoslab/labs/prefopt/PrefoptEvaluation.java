package org.ethoslab.labs.prefopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.job.Seeds;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.LabFailure;
import org.ethoslab.labs.core.Rubric;
import org.ethoslab.labs.core.StudentHooks;

/**
 * The trusted phase: loads the SFT model from the cache (building it when absent, as the run phase does) and every
 * policy's parameters (never student code); draws held-out harmful and benign requests and held-out pairs from
 * {@code hidden.evalSeed} — by default the job seed mixed with {@code "prefopt-hidden"} — leaving out every request
 * the SFT pool or the job's training pairs contain; scores the SFT baseline and each policy; calls the student's loss
 * hooks and the references on probe inputs drawn from the hidden seed; applies the rubric. The job's own loss gives the headline metrics, each
 * compared loss its {@code <loss>.<metric>} entries.
 */
final class PrefoptEvaluation {
  static final int HELD_OUT_PAIRS = 200;

  private PrefoptEvaluation() {
  }

  static long evalSeed(JobInput job) {
    return job.evalSeed("prefopt-hidden");
  }

  static Evaluation evaluate(LabSpec spec, JobInput job, PrefoptConfig cfg, Artifacts artifacts, StudentHooks hooks,
                SftRecipe recipe, Path cacheRoot) throws Exception {
    PrefoptArtifacts manifest = artifacts.readJson(PrefoptArtifacts.MANIFEST, PrefoptArtifacts.class);
    List<String> expected = cfg.trainedLosses().stream().map(ReferenceLoss::id).toList();
    if (!expected.equals(manifest.losses())) {
      throw LabFailure.badInput("artifacts", PrefoptArtifacts.MANIFEST + " lists losses " + manifest.losses()
          + ", the job asked for " + expected);
    }
    if (!recipe.hash().equals(manifest.sftModel())) {
      throw LabFailure.badInput("artifacts", "the run started from SFT model " + manifest.sftModel()
          + ", this build's recipe is " + recipe.hash());
    }
    long evalSeed = evalSeed(job);
    Path fallback = Path.of(System.getProperty("java.io.tmpdir"),
        "prefopt-models-" + ProcessHandle.current().pid());
    SftCache.Loaded loaded = SftCache.loadOrBuild(recipe, cacheRoot, fallback, System.err::println);
    try (PolicyModel sft = loaded.model()) {
      ModelScores.HeldOut data = heldOut(job, cfg, recipe, sft.vocab(), evalSeed);
      List<ModelScores> scores = new ArrayList<>();
      scores.add(ModelScores.of("sft", sft, sft, data));
      for (String loss : manifest.losses()) {
        Path file = artifacts.resolve(PrefoptArtifacts.policyFile(loss));
        if (!Files.isRegularFile(file)) {
          throw LabFailure.badInput("artifacts", "missing model file " + file.getFileName());
        }
        try (PolicyModel policy = PolicyModel.load(loss, recipe.shape(), sft.vocab(),
            Files.readAllBytes(file))) {
          scores.add(ModelScores.of(loss, policy, sft, data));
        } catch (IOException e) {
          throw LabFailure.badInput("artifacts", file.getFileName() + ": " + e.getMessage());
        }
      }
      return verdict(spec, job, cfg, artifacts, hooks, scores);
    }
  }

  private static ModelScores.HeldOut heldOut(JobInput job, PrefoptConfig cfg, SftRecipe recipe, Vocabulary vocab,
                        long evalSeed) {
    Set<String> seen = new HashSet<>();
    ChatData.sftPool(recipe.poolSize(), recipe.complianceRate(),
        new SplittableRandom(Seeds.derive(recipe.seed(), "sft-pool"))).forEach(e -> seen.add(e.prompt()));
    ChatData.pairs(cfg.pairs(), new SplittableRandom(Seeds.derive(job.seed(), "pairs")))
        .forEach(p -> seen.add(p.prompt()));
    List<String> harmful = ChatData.heldOut(cfg.evalPrompts(), true, seen,
        new SplittableRandom(Seeds.derive(evalSeed, "harmful")));
    List<String> benign = ChatData.heldOut(cfg.evalPrompts(), false, seen,
        new SplittableRandom(Seeds.derive(evalSeed, "benign")));
    List<ChatData.Pair> pairs = ChatData.pairs(HELD_OUT_PAIRS,
        new SplittableRandom(Seeds.derive(evalSeed, "pairs")));
    return new ModelScores.HeldOut(harmful, benign, PrefoptRun.encode(vocab, recipe.shape().context(), pairs),
        Seeds.derive(evalSeed, "sampling"));
  }

  private static Evaluation verdict(LabSpec spec, JobInput job, PrefoptConfig cfg, Artifacts artifacts,
                   StudentHooks hooks, List<ModelScores> scores) throws IOException {
    ModelScores sft = scores.get(0);
    ModelScores main = scores.get(1);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("safety", main.safety());
    metrics.put("overRefusal", main.overRefusal());
    metrics.put("capability", main.capability());
    metrics.put("capabilityLogProb", main.capabilityLogProb());
    metrics.put("kl", main.kl());
    metrics.put("rw", main.rw());
    metrics.put("rl", main.rl());
    metrics.put("sft.safety", sft.safety());
    metrics.put("sft.overRefusal", sft.overRefusal());
    metrics.put("sft.capability", sft.capability());
    metrics.put("sft.capabilityLogProb", sft.capabilityLogProb());
    metrics.put("safetyGain", main.safety() - sft.safety());
    metrics.put("capabilityDrop", sft.capability() - main.capability());
    for (ModelScores s : scores.subList(1, scores.size())) {
      metrics.put(s.model() + ".safety", s.safety());
      metrics.put(s.model() + ".overRefusal", s.overRefusal());
      metrics.put(s.model() + ".capability", s.capability());
      metrics.put(s.model() + ".kl", s.kl());
      metrics.put(s.model() + ".rw", s.rw());
      metrics.put(s.model() + ".rl", s.rl());
    }
    Map<String, Double> agreement = LossProbes.agreement(hooks, evalSeed(job));
    agreement.forEach((hook, share) -> metrics.put("hooks." + hook + ".agreement", share));
    metrics.put("hooks.agreement", agreement.values().stream().mapToDouble(Double::doubleValue).min().orElse(0));

    List<Map<String, Object>> rows = scores.stream().map(ModelScores::row).toList();
    Map<String, Object> charts = new LinkedHashMap<>();
    charts.put("safetyVsCapability", scores.stream().map(s -> {
      Map<String, Object> point = new LinkedHashMap<>(s.row());
      point.keySet().retainAll(List.of("model", "safety", "capability", "overRefusal"));
      return point;
    }).toList());
    charts.put("rewardCurves", readCurves(artifacts));
    // a diverged policy scores NaN; JSON has no NaN, so the Evaluation stores it as null (undefined)
    return Rubric.evaluation(spec, job, metrics, rows, charts);
  }

  /** The run's reported r_w/r_l curves per loss (charted as reported by the untrusted phase, not graded). */
  private static Object readCurves(Artifacts artifacts) {
    Path file = artifacts.resolve(PrefoptArtifacts.CURVES);
    try {
      return ContractJson.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw LabFailure.badInput("artifacts", PrefoptArtifacts.CURVES + " missing or unreadable: "
          + e.getMessage());
    }
  }
}
