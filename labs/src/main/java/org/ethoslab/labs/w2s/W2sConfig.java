package org.ethoslab.labs.w2s;

import org.ethoslab.labs.core.Params;
import org.ethoslab.labs.nn.StackedClassifier;
import org.ethoslab.labs.nn.TrainingSettings;

/**
 * One W2S job's settings: the student-facing parameters plus the fixed training recipes of the weak teachers and the
 * strong head (chosen so the default job finishes in well under a minute on two cores).
 */
record W2sConfig(W2sTask task, int numSeeds, int numTeachers, String voting, int trainSize, int testSize,
                 int weakBuckets, int weakHidden, int strongSteps, double confidenceLoss) {

    static final int CLASSES = 2;

    static W2sConfig from(Params p) {
        return new W2sConfig(W2sTask.of(p.getString("task")), p.getInt("numSeeds"), p.getInt("numTeachers"),
                p.getString("voting"), p.getInt("trainSize"), p.getInt("testSize"), p.getInt("weakBuckets"),
                p.getInt("weakHidden"), p.getInt("strongSteps"), p.getDouble("confidenceLoss"));
    }

    boolean pair() {
        return task == W2sTask.LEGAL;
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
