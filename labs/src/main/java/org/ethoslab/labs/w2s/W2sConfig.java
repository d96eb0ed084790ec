package org.ethoslab.labs.w2s;

import org.ethoslab.contract.job.JobInput;
import org.ethoslab.hooks.w2s.Voting;
import org.ethoslab.labs.core.LabFailure;
import org.ethoslab.labs.core.Params;
import org.ethoslab.labs.data.DatasetSpec;
import org.ethoslab.labs.nn.StackedClassifier;
import org.ethoslab.labs.nn.TrainingSettings;

/**
 * One W2S job's settings: the student-facing parameters plus the fixed training recipes of the weak teachers and the
 * strong head (chosen so the default job finishes in well under a minute on two cores).
 */
record W2sConfig(W2sTask task, int numSeeds, int numTeachers, String voting, int trainSize, int testSize,
         int weakBuckets, int weakHidden, int strongSteps, double confidenceLoss, DatasetSpec dataset) {

  static final int CLASSES = 2;

  static W2sConfig from(Params p, JobInput job) {
    W2sTask task = W2sTask.of(p.getString("task"));
    DatasetSpec dataset = null;
    if (task == W2sTask.UPLOADED) {
      if (job.dataset() == null) {
        throw LabFailure.badInput("dataset", "task uploaded needs a dataset object naming the training file");
      }
      dataset = DatasetSpec.parse(job.dataset(), "dataset");
    }
    return new W2sConfig(task, p.getInt("numSeeds"), p.getInt("numTeachers"), p.getString("voting"),
        p.getInt("trainSize"), p.getInt("testSize"), p.getInt("weakBuckets"), p.getInt("weakHidden"),
        p.getInt("strongSteps"), p.getDouble("confidenceLoss"), dataset);
  }

  /** Question/clause pairs (legal, or an uploaded file with a pair column). */
  boolean pair() {
    return task == W2sTask.LEGAL || dataset != null && dataset.isPair();
  }

  String hookName() {
    return voting.equals("hard") ? "HardVote" : "SoftVote";
  }

  Voting referenceVoting() {
    return voting.equals("hard") ? new HardVoteReference() : new SoftVoteReference();
  }

  /** All seeds' teachers, seed-major. */
  StackedClassifier teacherBlock() {
    return new StackedClassifier(numSeeds * numTeachers, weakHidden, CLASSES);
  }

  /** One linear head per seed. */
  StackedClassifier strongBlock() {
    return new StackedClassifier(numSeeds, 0, CLASSES);
  }

  int strongDim() {
    return StrongFeatures.dimension(pair());
  }

  /** Full-batch AdamW on the hashed bag of words. */
  TrainingSettings weakTraining(long seed) {
    return new TrainingSettings(150, 0.05, 0.01, 0, 0, seed);
  }

  /** Full-batch AdamW on frozen embeddings; the confidence loss warms up over the first 20% of steps. */
  TrainingSettings strongTraining(long seed, boolean withAux) {
    return new TrainingSettings(strongSteps, 0.02, 0.01, withAux ? confidenceLoss : 0, 0.2, seed);
  }
}
