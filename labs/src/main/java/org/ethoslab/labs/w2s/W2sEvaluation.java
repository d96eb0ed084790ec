package org.ethoslab.labs.w2s;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.job.Seeds;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.hooks.w2s.Voting;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.LabFailure;
import org.ethoslab.labs.core.Rubric;
import org.ethoslab.labs.core.StudentHooks;
import org.ethoslab.labs.data.HashedBagOfWords;
import org.ethoslab.labs.data.TextExample;
import org.ethoslab.labs.eval.BootstrapCi;
import org.ethoslab.labs.eval.ClassificationMetrics;
import org.ethoslab.labs.eval.Pgr;
import org.ethoslab.labs.nn.SentenceEncoder;
import org.ethoslab.labs.nn.StackedClassifier;
import org.ethoslab.labs.nn.StackedModels;

/**
 * The trusted phase of the W2S lab: loads the run's parameter files (never student code), draws a hidden test set
 * from {@code hidden.evalSeed} — by default the job seed mixed with the stream name {@code "w2s-hidden-test"} —
 * and scores weak ensemble (reference voting), W2S student and ceiling on it; calls the student's voting hooks on
 * probe inputs drawn from the same hidden seed and compares their answers with the references; applies the rubric.
 */
final class W2sEvaluation {
  static final int BOOTSTRAP_RESAMPLES = 2000;

  private W2sEvaluation() {
  }

  static long evalSeed(JobInput job) {
    return job.evalSeed("w2s-hidden-test");
  }

  static Evaluation evaluate(LabSpec spec, JobInput job, W2sConfig cfg, Artifacts artifacts, StudentHooks hooks,
                int cpus) throws Exception {
    W2sArtifacts manifest = artifacts.readJson(W2sArtifacts.MANIFEST, W2sArtifacts.class);
    if (manifest.numSeeds() != cfg.numSeeds() || manifest.numTeachers() != cfg.numTeachers()) {
      throw LabFailure.badInput("artifacts", W2sArtifacts.MANIFEST + " describes " + manifest.numSeeds()
          + " seeds x " + manifest.numTeachers() + " teachers, the job asked for " + cfg.numSeeds()
          + " x " + cfg.numTeachers());
    }
    long evalSeed = evalSeed(job);
    List<TextExample> test = W2sData.hiddenTestSet(job, cfg, evalSeed);
    int[] labels = test.stream().mapToInt(TextExample::label).toArray();
    float[][] bow = new HashedBagOfWords(cfg.weakBuckets()).features(test);
    float[][] strong;
    try (SentenceEncoder encoder = SentenceEncoder.load(cpus)) {
      strong = StrongFeatures.of(test, encoder, null);
    }
    float[][][] teacherProbs = predict(artifacts, W2sArtifacts.TEACHERS, cfg.teacherBlock(), cfg.weakBuckets(),
        bow);
    float[][][] w2sProbs = predict(artifacts, W2sArtifacts.W2S, cfg.strongBlock(), cfg.strongDim(), strong);
    float[][][] ceilProbs = predict(artifacts, W2sArtifacts.CEILING, cfg.strongBlock(), cfg.strongDim(), strong);
    Voting voting = cfg.referenceVoting();
    List<Map<String, Object>> perSeed = new ArrayList<>();
    int n = cfg.numSeeds();
    int k = cfg.numTeachers();
    double[] weak = new double[n];
    double[] w2s = new double[n];
    double[] ceil = new double[n];
    double[] pgr = new double[n];
    double[] aucW2s = new double[n];
    for (int i = 0; i < n; i++) {
      weak[i] = ClassificationMetrics.accuracy(combine(voting,
          java.util.Arrays.copyOfRange(teacherProbs, i * k, (i + 1) * k)), labels);
      w2s[i] = ClassificationMetrics.accuracy(w2sProbs[i], labels);
      ceil[i] = ClassificationMetrics.accuracy(ceilProbs[i], labels);
      pgr[i] = Pgr.of(weak[i], w2s[i], ceil[i]);
      double[] scores = new double[labels.length];
      for (int j = 0; j < scores.length; j++) {
        scores[j] = w2sProbs[i][j][1];
      }
      aucW2s[i] = ClassificationMetrics.rocAuc(scores, labels);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("seed", i + 1);
      row.put("acc.weak", weak[i]);
      row.put("acc.w2s", w2s[i]);
      row.put("acc.ceiling", ceil[i]);
      row.put("pgr", Double.isNaN(pgr[i]) ? null : pgr[i]);
      row.put("auc.w2s", aucW2s[i]);
      perSeed.add(row);
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("acc.weak", BootstrapCi.median(weak));
    metrics.put("acc.w2s", BootstrapCi.median(w2s));
    metrics.put("acc.ceiling", BootstrapCi.median(ceil));
    metrics.put("auc.w2s", BootstrapCi.median(aucW2s));
    metrics.put("pgr.median", BootstrapCi.median(pgr));
    BootstrapCi.Interval ci = BootstrapCi.ofMedian(pgr, 0.95, BOOTSTRAP_RESAMPLES, Seeds.derive(evalSeed, "ci"));
    metrics.put("pgr.ciLow", ci.low());
    metrics.put("pgr.ciHigh", ci.high());
    List<double[][]> probes = HookProbes.inputs(evalSeed);
    probes.addAll(realProbes(teacherProbs, k, HookProbes.COUNT / 2));
    Map<String, Double> agreement = HookProbes.agreement(hooks, probes);
    agreement.forEach((hook, share) -> metrics.put("hooks." + hook + ".agreement", share));
    metrics.put("hooks.agreement", agreement.values().stream().mapToDouble(Double::doubleValue).min().orElse(0));

    Map<String, Object> charts = new LinkedHashMap<>();
    Map<String, Object> bySeed = new LinkedHashMap<>();
    bySeed.put("seeds", perSeed.stream().map(r -> r.get("seed")).toList());
    bySeed.put("weak", weak);
    bySeed.put("w2s", w2s);
    bySeed.put("ceiling", ceil);
    charts.put("accuracyBySeed", bySeed);
    charts.put("pgrBySeed", pgr);
    return Rubric.evaluation(spec, job, metrics, perSeed, charts);
  }

  /**
   * Probes shaped like the run's own calls: seed 1's K teachers' probabilities on the first hidden test examples.
   */
  private static List<double[][]> realProbes(float[][][] teacherProbs, int k, int count) {
    List<double[][]> out = new ArrayList<>();
    for (int i = 0; i < Math.min(count, teacherProbs[0].length); i++) {
      double[][] in = new double[k][];
      for (int t = 0; t < k; t++) {
        in[t] = Rows.toDouble(teacherProbs[t][i]);
      }
      out.add(in);
    }
    return out;
  }

  private static float[][][] predict(Artifacts artifacts, String file, StackedClassifier block, int dim,
                    float[][] features) throws Exception {
    Path path = artifacts.resolve(file);
    if (!Files.isRegularFile(path)) {
      throw LabFailure.badInput("artifacts", "missing model file " + file);
    }
    try (StackedModels models = StackedModels.load(file, block, dim, W2sConfig.CLASSES, Files.readAllBytes(path),
        Device.cpu())) {
      return models.predictProba(features);
    } catch (java.io.IOException e) {
      throw LabFailure.badInput("artifacts", file + ": " + e.getMessage());
    }
  }

  private static float[][] combine(Voting voting, float[][][] teacherProbs) {
    float[][] out = new float[teacherProbs[0].length][];
    for (int i = 0; i < out.length; i++) {
      double[][] in = new double[teacherProbs.length][];
      for (int k = 0; k < teacherProbs.length; k++) {
        in[k] = new double[teacherProbs[k][i].length];
        for (int c = 0; c < in[k].length; c++) {
          in[k][c] = teacherProbs[k][i][c];
        }
      }
      double[] p = voting.combine(in);
      out[i] = new float[p.length];
      for (int c = 0; c < p.length; c++) {
        out[i][c] = (float) p[c];
      }
    }
    return out;
  }
}
