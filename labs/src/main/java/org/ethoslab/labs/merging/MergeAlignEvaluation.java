package org.ethoslab.labs.merging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.hooks.ParameterTree;
import org.ethoslab.hooks.merging.MergeMethod;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.DirectoryTree;
import org.ethoslab.labs.core.LabFailure;
import org.ethoslab.labs.core.Rubric;
import org.ethoslab.labs.core.StudentHooks;
import org.ethoslab.labs.lm.LanguageModel;
import org.ethoslab.labs.lm.ModelCache;

/**
 * The trusted phase of the MergeAlign lab. Reads the merged parameters the trainer wrote, calls the student's merge
 * hooks on probe trees drawn from the hidden seed, loads base, domain expert and aligned model from the cache
 * (building them if missing), draws the held-out
 * evaluation from {@code hidden.evalSeed} (default: the job seed mixed with {@code "mergealign-hidden-eval"}), scores
 * the three models, the student's merge and a sweep of the reference implementation of the chosen method over its
 * knob, and applies the rubric.
 */
final class MergeAlignEvaluation {
  private MergeAlignEvaluation() {
  }

  static long evalSeed(JobInput job) {
    return job.evalSeed("mergealign-hidden-eval");
  }

  static Evaluation evaluate(LabSpec spec, JobInput job, MergeAlignConfig cfg, Artifacts artifacts,
                StudentHooks hooks) throws Exception {
    MergeAlignArtifacts manifest = artifacts.readJson(MergeAlignArtifacts.MANIFEST, MergeAlignArtifacts.class);
    MergeAlignModels models = new MergeAlignModels(cfg.modelSet());
    if (!cfg.method().equals(manifest.method()) || !models.baseRecipe().hash().equals(manifest.baseHash())
        || !models.domainRecipe().hash().equals(manifest.domainHash())
        || !models.alignedRecipe().hash().equals(manifest.alignedHash())) {
      throw LabFailure.badInput("artifacts", MergeAlignArtifacts.MANIFEST + " describes method "
          + manifest.method() + " on models " + manifest.baseHash() + "/" + manifest.domainHash() + "/"
          + manifest.alignedHash() + ", the job asks for " + cfg.method() + " on "
          + models.baseRecipe().hash() + "/" + models.domainRecipe().hash() + "/"
          + models.alignedRecipe().hash());
    }
    Path scratch = Files.createTempDirectory("mergealign-eval-");
    try {
      MergeAlignModels.Folders folders = models.ensure(ModelCache.configured(scratch), message -> {
      });
      return score(spec, job, cfg, artifacts, folders, hooks);
    } finally {
      DirectoryTree.delete(scratch);
    }
  }

  private static Evaluation score(LabSpec spec, JobInput job, MergeAlignConfig cfg, Artifacts artifacts,
                  MergeAlignModels.Folders folders, StudentHooks hooks) throws Exception {
    ParameterTree base = LanguageModel.readParameters(folders.base());
    ParameterTree domain = LanguageModel.readParameters(folders.domain());
    ParameterTree aligned = LanguageModel.readParameters(folders.aligned());
    ParameterTree merged = readMerged(artifacts, base);
    EvalSet eval = new EvalSet(evalSeed(job), cfg.evalQuestions(), cfg.evalPrompts());
    Map<String, EvalSet.Scores> scores = new LinkedHashMap<>();
    double[] sweep = MergeAlignConfig.sweepValues(cfg.method(), cfg.sweepPoints());
    List<EvalSet.Scores> sweepScores = new ArrayList<>();
    List<Map<String, Object>> examples = new ArrayList<>();
    MergeMethod reference = cfg.hook().reference();
    try (LanguageModel lm = LanguageModel.load(folders.base())) {
      scores.put("base", eval.score(lm));
      lm.setParameters(domain);
      scores.put("domain", eval.score(lm));
      lm.setParameters(aligned);
      scores.put("aligned", eval.score(lm));
      lm.setParameters(merged);
      scores.put("merged", eval.score(lm));
      for (String[] pr : eval.sampleReplies(lm, 2)) {
        examples.add(Map.of("model", "merged", "prompt", pr[0], "reply", pr[1]));
      }
      for (double v : sweep) {
        lm.setParameters(reference.merge(base, List.of(domain, aligned),
            cfg.withKnob(cfg.method(), v, job.seed())));
        sweepScores.add(eval.score(lm));
      }
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    scores.forEach((model, s) -> {
      metrics.put(model + ".domain", s.domain());
      metrics.put(model + ".safety", s.safety());
      metrics.put(model + ".overRefusal", s.overRefusal());
    });
    EvalSet.Scores b = scores.get("base");
    EvalSet.Scores d = scores.get("domain");
    EvalSet.Scores a = scores.get("aligned");
    EvalSet.Scores m = scores.get("merged");
    metrics.put("merged.domainGainKept", ratio(m.domain() - b.domain(), d.domain() - b.domain()));
    metrics.put("merged.safetyGapRecovered", ratio(m.safety() - d.safety(), a.safety() - d.safety()));
    metrics.put("ties.signConflictShare", TiesReference.signConflictShare(base, List.of(domain, aligned),
        Math.min(1.0, cfg.density())));
    double minAgreement = 1;
    for (MergeHook hook : MergeHook.values()) {
      double share = MergeProbes.agreement(hooks, evalSeed(job), hook);
      metrics.put("hooks." + hook.hookName() + ".agreement", share);
      minAgreement = Math.min(minAgreement, share);
    }
    metrics.put("hooks.agreement", minAgreement);

    Map<String, Object> charts = new LinkedHashMap<>();
    charts.put("models", scores);
    charts.put("sweep", sweepChart(cfg, sweep, sweepScores));
    charts.put("examples", examples);
    return Rubric.evaluation(spec, job, metrics, List.of(), charts);
  }

  /** The sweep's points with the Pareto front over (domain utility, safety), both maximised. */
  static Map<String, Object> sweepChart(MergeAlignConfig cfg, double[] values, List<EvalSet.Scores> s) {
    List<Integer> front = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      boolean dominated = false;
      for (int j = 0; j < s.size() && !dominated; j++) {
        dominated = j != i && s.get(j).domain() >= s.get(i).domain() && s.get(j).safety() >= s.get(i).safety()
            && (s.get(j).domain() > s.get(i).domain() || s.get(j).safety() > s.get(i).safety());
      }
      if (!dominated) {
        front.add(i);
      }
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("method", cfg.method());
    chart.put("knob", MergeAlignConfig.knob(cfg.method()));
    chart.put("values", values);
    chart.put("domain", s.stream().mapToDouble(EvalSet.Scores::domain).toArray());
    chart.put("safety", s.stream().mapToDouble(EvalSet.Scores::safety).toArray());
    chart.put("overRefusal", s.stream().mapToDouble(EvalSet.Scores::overRefusal).toArray());
    chart.put("paretoFront", front);
    return chart;
  }

  static double ratio(double num, double den) {
    return den > 0 ? num / den : Double.NaN;
  }

  private static ParameterTree readMerged(Artifacts artifacts, ParameterTree base) {
    Path file = artifacts.resolve(MergeAlignArtifacts.MERGED);
    try (InputStream in = Files.newInputStream(file)) {
      ParameterTree merged = ParameterTree.read(in);
      base.requireSameLayout(merged, MergeAlignArtifacts.MERGED);
      return merged;
    } catch (IOException | IllegalArgumentException e) {
      throw LabFailure.badInput("artifacts", MergeAlignArtifacts.MERGED + ": " + e.getMessage());
    }
  }
}
