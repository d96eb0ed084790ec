package org.ethoslab.labs.merging;

import java.util.List;
import org.ethoslab.labs.lm.LmArchitecture;
import org.ethoslab.labs.lm.LmTrainingSettings;

/**
 * The size of the lab's three models: the architecture, the pretraining and fine-tuning budgets and corpus sizes.
 * {@code default} is what students use; {@code tiny} is a deliberately small set for tests, built in seconds, on
 * which the effect is weak.
 */
public record ModelSet(String id, LmArchitecture architecture, int pretrainExamples, LmTrainingSettings pretrain,
            int fineTuneExamples, LmTrainingSettings domainTuning, LmTrainingSettings alignmentTuning) {

  /**
   * Adam's epsilon in both fine-tunes (see {@link LmTrainingSettings}): with the usual 1e-8 each fine-tune pushes
   * down the words it never predicts at full step size, and the merge of the two loses both skills.
   */
  static final double FINE_TUNE_EPSILON = 1e-4;
  /**
   * Parameters both fine-tunes hold at the base's values. Every training sequence uses the position table, so Adam
   * moves it at full step size in both fine-tunes (by about a third of its norm, partly in the same direction); a
   * merge adds both drifts. Taking only the domain vector's share of it out of a merge raised replicate 3's
   * recovered safety gap from 33% to 82% at the same kept share; a fine-tune has nothing new to learn about where
   * a word stands.
   */
  static final List<String> FINE_TUNE_FROZEN = List.of("position_embedding");

  public static final ModelSet DEFAULT = new ModelSet("default", new LmArchitecture(128, 2, 4, 48), 20_000,
      new LmTrainingSettings(800, 32, 3e-3, 0.01, 1.0, 101), 4_000,
      new LmTrainingSettings(1200, 32, 1e-3, 0.0, 1.0, FINE_TUNE_EPSILON, 202, FINE_TUNE_FROZEN),
      new LmTrainingSettings(300, 32, 1e-3, 0.0, 1.0, FINE_TUNE_EPSILON, 303, FINE_TUNE_FROZEN));

  public static final ModelSet TINY = new ModelSet("tiny", new LmArchitecture(32, 1, 2, 48), 2_000,
      new LmTrainingSettings(40, 16, 5e-3, 0.01, 1.0, 101), 500,
      new LmTrainingSettings(20, 16, 3e-3, 0.0, 1.0, 202),
      new LmTrainingSettings(20, 16, 3e-3, 0.0, 1.0, 303));

  public static final List<ModelSet> ALL = List.of(DEFAULT, TINY);

  /**
   * The same recipe trained from other seeds (weight initialisation and minibatch order of all three models; the
   * corpora stay the same): replicate 0 is this set, replicate r ≥ 1 is named {@code <id>-r<r>}. Results tables
   * use replicates to show how much of a number is the luck of one training run.
   */
  public ModelSet replicate(int r) {
    if (r < 0) {
      throw new IllegalArgumentException("replicate must be ≥ 0, got " + r);
    }
    if (r == 0) {
      return this;
    }
    long shift = 1000L * r;
    return new ModelSet(id + "-r" + r, architecture, pretrainExamples, reseed(pretrain, shift), fineTuneExamples,
        reseed(domainTuning, shift), reseed(alignmentTuning, shift));
  }

  private static LmTrainingSettings reseed(LmTrainingSettings t, long shift) {
    return new LmTrainingSettings(t.steps(), t.batchSize(), t.learningRate(), t.weightDecay(), t.clipGrad(),
        t.epsilon(), t.seed() + shift, t.frozen());
  }

  public static ModelSet of(String id) {
    return ALL.stream().filter(m -> m.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown model set " + id));
  }
}
