package org.ethoslab.labs.w2s;

import java.util.List;
import java.util.Map;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.contract.lab.LabSpec.CheckSpec;
import org.ethoslab.contract.lab.LabSpec.HookSpec;
import org.ethoslab.contract.lab.LabSpec.ParamSpec;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.hooks.w2s.Voting;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.Lab;
import org.ethoslab.labs.core.LabContext;
import org.ethoslab.labs.core.Params;
import org.ethoslab.labs.core.StudentHooks;

/**
 * Weak-to-strong generalization (Burns et al. 2023, "Weak-to-Strong Generalization: Eliciting Strong Capabilities
 * With Weak Supervision", arXiv 2312.09390) on safety, toxicity and legal-relevance tasks after Ye, Xiao &amp; Hui
 * (arXiv 2410.12621): bag-of-words teachers supervise a pretrained MiniLM student.
 */
public final class W2sLab implements Lab {
  public static final String ID = "w2s";
  public static final String VERSION = "2";

  private static final String SOFT_STARTER = """
      public class SoftVote implements org.ethoslab.hooks.w2s.Voting {
        @Override
        public double[] combine(double[][] teacherProbs) {
          // teacherProbs[k][c]: teacher k's probability of class c.
          // Return the soft vote: the mean probability of each class over the teachers.
          double[] out = new double[teacherProbs[0].length];
          return out;
        }
      }
      """;
  private static final String HARD_STARTER = """
      public class HardVote implements org.ethoslab.hooks.w2s.Voting {
        @Override
        public double[] combine(double[][] teacherProbs) {
          // Each teacher votes for its most probable class (a tie goes to the lower class index).
          // Return probability 1 for the class with most votes (a tie goes to the lower class index).
          double[] out = new double[teacherProbs[0].length];
          return out;
        }
      }
      """;

  private final LabSpec spec = new LabSpec(ID, VERSION, "Weak-to-strong generalization",
      "Bag-of-words teachers trained on half the data label the other half; a pretrained MiniLM student "
          + "learns from those labels. How much of the gap to a ground-truth-trained ceiling does the "
          + "student recover (PGR)?",
      "cpu-small", new LabSpec.Limits(300, 600, 2048),
      List.of(ParamSpec.enumParam("task", List.of("safety", "toxicity", "legal", "uploaded"), "safety",
              "Harmful vs harmless requests, toxic vs non-toxic comments, privacy-policy "
                  + "question/clause relevance, or an instructor's uploaded file (the job's "
                  + "dataset, graded on hidden.dataset)."),
          ParamSpec.intParam("numSeeds", 1, 10, 5, "Independent splits and trainings; PGR is reported "
              + "as the median over seeds with a 95% bootstrap CI."),
          ParamSpec.intParam("numTeachers", 1, 7, 3, "Weak teachers in the ensemble, each trained on a "
              + "random 75% of half 1 (all of it when there is one)."),
          ParamSpec.enumParam("voting", List.of("soft", "hard"), "soft", "How teacher votes become the "
              + "student's labels: mean probability (SoftVote) or majority of argmax (HardVote)."),
          ParamSpec.intParam("trainSize", 200, 4000, 1000, "Generated training examples, split 50/50 "
              + "into the weak half and the student half."),
          ParamSpec.intParam("testSize", 100, 4000, 600, "Hidden test examples the trusted phase scores "
              + "every model on."),
          ParamSpec.intParam("weakBuckets", 16, 4096, 64, "Hash buckets of the teachers' bag of words: "
              + "fewer buckets make a weaker teacher."),
          ParamSpec.intParam("weakHidden", 0, 64, 0, "Hidden units of the teacher (0 = logistic "
              + "regression)."),
          ParamSpec.intParam("strongSteps", 20, 1000, 80, "Training steps of the student's head "
              + "(more steps imitate the weak labels more closely)."),
          ParamSpec.doubleParam("confidenceLoss", 0, 1, 0, "Weight α of the auxiliary confidence loss "
              + "(0 = plain cross-entropy on weak labels).")),
      List.of(new HookSpec("SoftVote", Voting.class.getName(),
              "Soft voting: return the mean of the teachers' class probabilities.", SOFT_STARTER),
          new HookSpec("HardVote", Voting.class.getName(),
              "Hard voting: each teacher votes for its argmax class (ties to the lower index); return "
                  + "a one-hot vector for the majority class (ties to the lower index).",
              HARD_STARTER)),
      List.of(new CheckSpec("hooks-match", "Voting hooks match the reference on hidden probe inputs", 50,
              "hooks.agreement", ">=", 1.0),
          new CheckSpec("pgr-positive", "The student recovers part of the weak-to-ceiling gap", 50,
              "pgr.median", ">=", 0.2)));

  /**
   * The GPU tier: all ten seeds, four times the training data, more than three times the hidden test set and five
   * times the student's training steps. The student stays MiniLM (its embeddings are the "strong" features); the
   * teachers stay weak on purpose, so PGR measures the same thing as on the CPU, with tighter intervals.
   */
  private static final Map<String, Object> GPU_SCALE = Map.of("numSeeds", 10, "trainSize", 4000,
      "testSize", 2000, "strongSteps", 400);

  @Override
  public LabSpec spec() {
    return spec;
  }

  @Override
  public Map<String, Object> gpuScale() {
    return GPU_SCALE;
  }

  @Override
  public void run(JobInput job, Params params, LabContext ctx) throws Exception {
    new W2sRun(job, W2sConfig.from(params, job), ctx).execute();
  }

  @Override
  public Evaluation evaluate(JobInput job, Params params, Artifacts artifacts, StudentHooks hooks) throws Exception {
    return W2sEvaluation.evaluate(spec, job, W2sConfig.from(params, job), artifacts, hooks,
        job.resources().cpus());
  }
}
