package org.ethoslab.labs.prefopt;

import com.fasterxml.jackson.core.type.TypeReference;
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
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.Evaluation;
import org.ethoslab.labs.core.JobInput;
import org.ethoslab.labs.core.Json;
import org.ethoslab.labs.core.LabFailure;
import org.ethoslab.labs.core.LabSpec;
import org.ethoslab.labs.core.Rubric;
import org.ethoslab.labs.core.Seeds;

/**
 * The trusted phase: loads the SFT model from the cache (building it when absent, as the run phase does) and every
 * policy's parameters (never student code); draws held-out harmful and benign requests and held-out pairs from
 * {@code hidden.evalSeed} — by default the job seed mixed with {@code "prefopt-hidden"} — leaving out every request
 * the SFT pool or the job's training pairs contain; scores the SFT baseline and each policy; re-runs the reference
 * losses on the hook probe inputs; applies the rubric. The job's own loss gives the headline metrics, each
 * compared loss its {@code <loss>.<metric>} entries.
 */
final class PrefoptEvaluation {
    static final int HELD_OUT_PAIRS = 200;

    private PrefoptEvaluation() {
    }

    static long evalSeed(JobInput job) {
        if (job.hidden() != null && job.hidden().has("evalSeed")) {
            if (!job.hidden().get("evalSeed").canConvertToLong()) {
                throw LabFailure.badInput("hidden.evalSeed", "must be an integer, got " + job.hidden().get("evalSeed"));
            }
            return job.hidden().get("evalSeed").asLong();
        }
        return Seeds.derive(job.seed(), "prefopt-hidden");
    }

    static Evaluation evaluate(LabSpec spec, JobInput job, PrefoptConfig cfg, Artifacts artifacts, SftRecipe recipe,
                               Path cacheRoot) throws Exception {
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
            return verdict(spec, job, cfg, artifacts, scores);
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
                                      List<ModelScores> scores) {
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
        Map<String, Double> hooks = LossProbes.agreement(readProbes(artifacts), job.seed());
        hooks.forEach((hook, share) -> metrics.put("hooks." + hook + ".agreement", share));
        metrics.put("hooks.agreement", hooks.values().stream().mapToDouble(Double::doubleValue).min().orElse(0));

        List<Evaluation.CheckResult> checks = Rubric.score(spec, job.rubric(), metrics);
        double score = checks.stream().mapToDouble(Evaluation.CheckResult::earned).sum();
        double max = checks.stream().mapToDouble(Evaluation.CheckResult::points).sum();
        List<Map<String, Object>> rows = scores.stream().map(ModelScores::row).toList();
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("safetyVsCapability", scores.stream().map(s -> {
            Map<String, Object> point = new LinkedHashMap<>(s.row());
            point.keySet().retainAll(List.of("model", "safety", "capability", "overRefusal"));
            return point;
        }).toList());
        charts.put("rewardCurves", readCurves(artifacts));
        // a diverged policy scores NaN; JSON has no NaN, so it reads as null (undefined)
        Map<String, Double> finite = new LinkedHashMap<>();
        metrics.forEach((name, v) -> finite.put(name, v == null || !Double.isFinite(v) ? null : v));
        return new Evaluation(PrefoptLab.ID, spec.version(), finite, rows, checks, score, max, charts);
    }

    private static Map<String, List<double[]>> readProbes(Artifacts artifacts) {
        Path file = artifacts.resolve(PrefoptArtifacts.PROBES);
        try {
            return Json.MAPPER.readValue(file.toFile(), new TypeReference<Map<String, List<double[]>>>() {
            });
        } catch (IOException e) {
            throw LabFailure.badInput("artifacts", PrefoptArtifacts.PROBES + " missing or unreadable: "
                    + e.getMessage());
        }
    }

    /** The run's reported r_w/r_l curves per loss (charted as reported by the untrusted phase, not graded). */
    private static Object readCurves(Artifacts artifacts) {
        Path file = artifacts.resolve(PrefoptArtifacts.CURVES);
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw LabFailure.badInput("artifacts", PrefoptArtifacts.CURVES + " missing or unreadable: "
                    + e.getMessage());
        }
    }
}
