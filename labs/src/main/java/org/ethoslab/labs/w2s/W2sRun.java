package org.ethoslab.labs.w2s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.hooks.w2s.Voting;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.EventSink;
import org.ethoslab.labs.core.Hook;
import org.ethoslab.labs.core.LabContext;
import org.ethoslab.labs.data.HashedBagOfWords;
import org.ethoslab.labs.data.TextExample;
import org.ethoslab.labs.eval.ClassificationMetrics;
import org.ethoslab.labs.nn.SentenceEncoder;
import org.ethoslab.labs.nn.StackedModels;
import org.ethoslab.labs.nn.StackedTrainer;

/**
 * The run phase of the W2S lab (Burns et al. 2023): per seed, split the pool 50/50; K weak teachers learn ground
 * truth of half 1 and label half 2; their votes (the student's hook, called over the hook channel and checked) become
 * the soft labels the strong student learns from; the ceiling learns half 2's ground truth. Writes every model's
 * parameters; the trusted phase scores them on a hidden test set.
 */
final class W2sRun {
  /** Wall milliseconds per stage; kept apart from the manifest so the manifest is identical on a re-run. */
  static final String TIMINGS = "timings.json";

  private final JobInput job;
  private final W2sConfig cfg;
  private final LabContext ctx;
  private final EventSink events;
  private final Artifacts out;
  private final W2sTimings timings = new W2sTimings();

  W2sRun(JobInput job, W2sConfig cfg, LabContext ctx) {
    this.job = job;
    this.cfg = cfg;
    this.ctx = ctx;
    this.events = ctx.events();
    this.out = new Artifacts(ctx.outDir());
  }

  void execute() throws Exception {
    events.phase("preparing");
    Hook<Voting> voting = ctx.hooks().hook(cfg.hookName(), Voting.class, cfg.referenceVoting());
    timings.start("data");
    List<TextExample> pool = W2sData.trainingPool(job, cfg, ctx.rng("data"));
    float[][] bow = new HashedBagOfWords(cfg.weakBuckets()).features(pool);
    float[][] strong;
    try (SentenceEncoder encoder = SentenceEncoder.load(ctx.cpus())) {
      strong = StrongFeatures.of(pool, encoder, (done, total) -> events.progress(0.15 * done / total,
          "embedding " + done + "/" + total + " distinct texts with MiniLM"));
    }
    timings.stop("data");

    events.phase("training");
    int[][] half1 = new int[cfg.numSeeds()][];
    int[][] half2 = new int[cfg.numSeeds()][];
    for (int s = 0; s < cfg.numSeeds(); s++) {
      int[] perm = Rows.permutation(pool.size(), ctx.rng("split-" + (s + 1)));
      half1[s] = java.util.Arrays.copyOfRange(perm, 0, pool.size() / 2);
      half2[s] = java.util.Arrays.copyOfRange(perm, pool.size() / 2, pool.size());
    }
    float[][][] weakLabels = trainTeachers(pool, bow, half1, half2, voting);
    float[][][][] studentProbs = trainStrong(pool, strong, half2, weakLabels);

    events.phase("evaluating");
    reportHalfOneAccuracy(pool, half1, studentProbs);

    events.phase("writing");
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("lab", "w2s");
    provenance.put("jobSeed", job.seed());
    provenance.put("params", cfg);
    provenance.put("hookSource", voting.source());
    out.writeJson(W2sArtifacts.MANIFEST, new W2sArtifacts(cfg.task().id(), cfg.numSeeds(), cfg.numTeachers(),
        cfg.voting(), "stacked mlp(" + cfg.weakBuckets() + "," + cfg.weakHidden() + "->2)",
        "stacked linear(" + cfg.strongDim() + "->2)", W2sArtifacts.TEACHERS, W2sArtifacts.W2S,
        W2sArtifacts.CEILING, provenance));
    out.writeJson(TIMINGS, timings.asMap());
    events.progress(1.0, "done");
  }

  /** Trains all seeds' teachers as one stack; returns each seed's voted soft labels on its half 2. */
  private float[][][] trainTeachers(List<TextExample> pool, float[][] bow, int[][] half1, int[][] half2,
                   Hook<Voting> voting) throws Exception {
    events.progress(0.2, String.format(Locale.ROOT, "training %d weak teacher(s) for each of %d seeds",
        cfg.numTeachers(), cfg.numSeeds()));
    timings.start("weak");
    int k = cfg.numTeachers();
    float[][][] x = new float[cfg.numSeeds() * k][][];
    float[][][] y = new float[cfg.numSeeds() * k][][];
    for (int s = 0; s < cfg.numSeeds(); s++) {
      for (int t = 0; t < k; t++) {
        int[] subset = k == 1 ? half1[s]
            : Rows.subset(half1[s], 0.75, ctx.rng("teacher-" + (s + 1) + "-" + t));
        x[s * k + t] = Rows.rows(bow, subset);
        y[s * k + t] = Rows.oneHot(pool, subset);
      }
    }
    float[][][] allProbs;
    try (StackedModels teachers = StackedTrainer.train("teachers", cfg.teacherBlock(), x, y,
        cfg.weakTraining(ctx.rng("teachers").nextLong()), ctx.device().toDjl(), curve("loss/weak", k))) {
      allProbs = teachers.predictProba(bow);
      save(teachers, W2sArtifacts.TEACHERS);
    }
    float[][][] weakLabels = new float[cfg.numSeeds()][][];
    for (int s = 0; s < cfg.numSeeds(); s++) {
      float[][][] seedProbs = new float[k][][];
      for (int t = 0; t < k; t++) {
        seedProbs[t] = Rows.rows(allProbs[s * k + t], half2[s]);
      }
      weakLabels[s] = vote(voting, seedProbs);
      events.metric("acc/weak-labels-on-half2", s + 1, agreement(weakLabels[s], pool, half2[s]), null);
    }
    timings.stop("weak");
    return weakLabels;
  }

  /**
   * Trains the W2S students (on weak labels) and the ceilings (on ground truth), one stack each; returns both
   * stacks' probabilities on the whole pool ([0] students, [1] ceilings).
   */
  private float[][][][] trainStrong(List<TextExample> pool, float[][] strong, int[][] half2, float[][][] weakLabels)
      throws Exception {
    timings.start("strong");
    float[][][] x = new float[cfg.numSeeds()][][];
    float[][][] truth = new float[cfg.numSeeds()][][];
    for (int s = 0; s < cfg.numSeeds(); s++) {
      x[s] = Rows.rows(strong, half2[s]);
      truth[s] = Rows.oneHot(pool, half2[s]);
    }
    float[][][] studentProbs;
    float[][][] ceilingProbs;
    events.progress(0.4, "training the strong students on weak labels");
    try (StackedModels w2s = StackedTrainer.train("w2s", cfg.strongBlock(), x, weakLabels,
        cfg.strongTraining(ctx.rng("w2s").nextLong(), cfg.confidenceLoss() > 0), ctx.device().toDjl(),
        curve("loss/w2s", 1))) {
      save(w2s, W2sArtifacts.W2S);
      studentProbs = w2s.predictProba(strong);
    }
    events.progress(0.7, "training the strong ceilings on ground truth");
    try (StackedModels ceiling = StackedTrainer.train("ceiling", cfg.strongBlock(), x, truth,
        cfg.strongTraining(ctx.rng("ceiling").nextLong(), false), ctx.device().toDjl(),
        curve("loss/ceiling", 1))) {
      save(ceiling, W2sArtifacts.CEILING);
      ceilingProbs = ceiling.predictProba(strong);
    }
    timings.stop("strong");
    return new float[][][][] {studentProbs, ceilingProbs};
  }

  /**
   * Reported (not graded) accuracies on each seed's half 1, which the strong models never trained on: live
   * feedback while the trusted phase grades on hidden data.
   */
  private void reportHalfOneAccuracy(List<TextExample> pool, int[][] half1, float[][][][] probs) {
    for (int s = 0; s < cfg.numSeeds(); s++) {
      int[] labels = new int[half1[s].length];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = pool.get(half1[s][i]).label();
      }
      double w2s = ClassificationMetrics.accuracy(Rows.rows(probs[0][s], half1[s]), labels);
      double ceiling = ClassificationMetrics.accuracy(Rows.rows(probs[1][s], half1[s]), labels);
      events.metric("acc/w2s-on-half1", s + 1, w2s, null);
      events.metric("acc/ceiling-on-half1", s + 1, ceiling, null);
      events.log("info", String.format(Locale.ROOT, "seed %d: student %.3f, ceiling %.3f on half 1 "
          + "(reported; the grade comes from the hidden test set)", s + 1, w2s, ceiling));
    }
  }

  /**
   * Combines teacher probabilities per example with the voting hook, in one batch per seed, checking what the hook
   * returns before it becomes a label.
   */
  private float[][] vote(Hook<Voting> voting, float[][][] teacherProbs) throws java.io.IOException {
    int n = teacherProbs[0].length;
    List<Object[]> calls = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double[][] in = new double[teacherProbs.length][];
      for (int k = 0; k < teacherProbs.length; k++) {
        in[k] = Rows.toDouble(teacherProbs[k][i]);
      }
      calls.add(new Object[] {in});
    }
    List<Object> answers = voting.values(calls);
    float[][] labels = new float[n][];
    for (int i = 0; i < n; i++) {
      labels[i] = checkedDistribution(voting, (double[]) answers.get(i));
    }
    return labels;
  }

  private static float[] checkedDistribution(Hook<Voting> voting, double[] p) {
    double sum = 0;
    boolean ok = p != null && p.length == W2sConfig.CLASSES;
    for (int c = 0; ok && c < p.length; c++) {
      ok = Double.isFinite(p[c]) && p[c] >= 0;
      sum += ok ? p[c] : 0;
    }
    if (!ok || Math.abs(sum - 1) > 1e-6) {
      throw voting.unusable("must return " + W2sConfig.CLASSES
          + " non-negative probabilities summing to 1, returned " + java.util.Arrays.toString(p));
    }
    float[] f = new float[p.length];
    for (int c = 0; c < p.length; c++) {
      f[c] = (float) p[c];
    }
    return f;
  }

  /** Loss curve of the first model of each seed (models are stacked {@code perSeed} per seed), every 10 steps. */
  private StackedTrainer.LossListener curve(String name, int perSeed) {
    return (step, losses) -> {
      if (step % 10 == 0) {
        for (int s = 0; s < cfg.numSeeds(); s++) {
          events.metric(name, step, losses[s * perSeed], "seed-" + (s + 1));
        }
      }
    };
  }

  private void save(StackedModels models, String name) throws Exception {
    out.write(name, models.parameterBytes());
  }

  private static double agreement(float[][] weakLabels, List<TextExample> pool, int[] idx) {
    int agree = 0;
    for (int i = 0; i < idx.length; i++) {
      if ((weakLabels[i][1] > weakLabels[i][0] ? 1 : 0) == pool.get(idx[i]).label()) {
        agree++;
      }
    }
    return (double) agree / idx.length;
  }
}
