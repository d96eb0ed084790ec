package org.ethoslab.labs.w2s;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.labs.core.LabFailure;
import org.ethoslab.labs.data.DatasetSpec;
import org.ethoslab.labs.data.ImportLimits;
import org.ethoslab.labs.data.TextExample;

/**
 * Where the W2S examples come from: the task's seeded generator, or for {@code task = uploaded} the instructor's
 * files — {@code dataset} (training pool, read by the run phase) and {@code hidden.dataset} (test set, read only by
 * the trusted phase, so its labels never reach student code).
 */
final class W2sData {
  /** Fewer examples than this cannot be split into two halves with both classes. */
  static final int MIN_EXAMPLES = 20;

  private W2sData() {
  }

  static List<TextExample> trainingPool(JobInput job, W2sConfig cfg, SplittableRandom rng) throws IOException {
    if (cfg.task() != W2sTask.UPLOADED) {
      return cfg.task().generator().generate(cfg.trainSize(), rng);
    }
    return sample(read(job, cfg.dataset(), "dataset"), cfg.trainSize(), rng, "dataset");
  }

  static List<TextExample> hiddenTestSet(JobInput job, W2sConfig cfg, long evalSeed) throws IOException {
    SplittableRandom rng = new SplittableRandom(evalSeed);
    if (cfg.task() != W2sTask.UPLOADED) {
      return cfg.task().generator().generate(cfg.testSize(), rng);
    }
    if (job.hidden() == null || !job.hidden().has("dataset")) {
      throw LabFailure.badInput("hidden.dataset", "task uploaded needs a hidden test file for grading");
    }
    DatasetSpec spec = DatasetSpec.parse(job.hidden().get("dataset"), "hidden.dataset");
    if (spec.isPair() != cfg.pair()) {
      throw LabFailure.badInput("hidden.dataset.pairColumn", "must be given exactly when dataset has one");
    }
    return sample(read(job, spec, "hidden.dataset"), cfg.testSize(), rng, "hidden.dataset");
  }

  private static List<TextExample> read(JobInput job, DatasetSpec spec, String field) throws IOException {
    return spec.read(job.dataFile(field + ".file", spec.file()), ImportLimits.DEFAULT);
  }

  /** A seeded sample of at most {@code limit} examples, checked to be binary with both classes present. */
  private static List<TextExample> sample(List<TextExample> all, int limit, SplittableRandom rng, String field) {
    boolean[] seen = new boolean[2];
    for (TextExample e : all) {
      if (e.label() > 1) {
        throw LabFailure.badInput(field, "labels must be 0 or 1 for this lab, found " + e.label());
      }
      seen[e.label()] = true;
    }
    if (all.size() < MIN_EXAMPLES || !seen[0] || !seen[1]) {
      throw LabFailure.badInput(field, "needs at least " + MIN_EXAMPLES + " examples of both classes, got "
          + all.size());
    }
    List<TextExample> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(rng.nextLong()));
    return List.copyOf(shuffled.subList(0, Math.min(limit, shuffled.size())));
  }
}
