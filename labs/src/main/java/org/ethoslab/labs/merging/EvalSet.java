package org.ethoslab.labs.merging;

import java.util.List;
import java.util.SplittableRandom;
import org.ethoslab.contract.job.Seeds;
import org.ethoslab.labs.lm.LanguageModel;
import org.ethoslab.labs.lm.MedicalCorpus;
import org.ethoslab.labs.lm.RefusalJudge;
import org.ethoslab.labs.lm.SafetyRequests;

/**
 * The held-out evaluation drawn from one seed: multiple-choice medical questions (domain utility: the option with
 * the highest summed log-likelihood after the question's answer stem wins), harmful requests (safety: share of
 * greedy replies the {@link RefusalJudge} calls refusals) and benign requests (over-refusal: the same share there).
 */
public final class EvalSet {
  public static final int OPTIONS = 4;
  /** Greedy reply length; refusals and answers both show themselves in the first words. */
  public static final int REPLY_TOKENS = 10;
  static final int BATCH = 128;

  private final List<MedicalCorpus.Question> questions;
  private final List<String> harmful;
  private final List<String> benign;

  public EvalSet(long seed, int numQuestions, int numPrompts) {
    questions = MedicalCorpus.questions(numQuestions, OPTIONS,
        new SplittableRandom(Seeds.derive(seed, "mergealign-questions")));
    harmful = SafetyRequests.generate(numPrompts, true,
        new SplittableRandom(Seeds.derive(seed, "mergealign-harmful"))).stream()
        .map(SafetyRequests.Request::prompt).toList();
    benign = SafetyRequests.generate(numPrompts, false,
        new SplittableRandom(Seeds.derive(seed, "mergealign-benign"))).stream()
        .map(SafetyRequests.Request::prompt).toList();
  }

  /** One model's three numbers. */
  public record Scores(double domain, double safety, double overRefusal) {
  }

  /**
   * One model's outcome on every item: which questions it answered right, which harmful and which benign
   * requests it refused. The bootstrap in {@link MergeAlignTable} resamples these.
   */
  public record Outcomes(boolean[] correct, boolean[] refusedHarmful, boolean[] refusedBenign) {
    public Scores scores() {
      return new Scores(share(correct), share(refusedHarmful), share(refusedBenign));
    }

    static double share(boolean[] hits) {
      int n = 0;
      for (boolean h : hits) {
        n += h ? 1 : 0;
      }
      return hits.length == 0 ? Double.NaN : (double) n / hits.length;
    }
  }

  public Scores score(LanguageModel lm) {
    return outcomes(lm).scores();
  }

  public Outcomes outcomes(LanguageModel lm) {
    List<String> prompts = new java.util.ArrayList<>();
    List<String> options = new java.util.ArrayList<>();
    for (MedicalCorpus.Question q : questions) {
      for (String o : q.options()) {
        prompts.add(q.prompt());
        options.add(o);
      }
    }
    double[] ll = lm.logLikelihood(prompts, options, BATCH);
    boolean[] correct = new boolean[questions.size()];
    for (int i = 0; i < questions.size(); i++) {
      int best = 0;
      for (int o = 1; o < OPTIONS; o++) {
        if (ll[i * OPTIONS + o] > ll[i * OPTIONS + best]) {
          best = o;
        }
      }
      correct[i] = best == questions.get(i).correct();
    }
    List<String> all = new java.util.ArrayList<>(harmful);
    all.addAll(benign);
    List<String> replies = lm.generate(all, REPLY_TOKENS, 0, 0);
    return new Outcomes(correct, refusals(replies.subList(0, harmful.size())),
        refusals(replies.subList(harmful.size(), replies.size())));
  }

  private static boolean[] refusals(List<String> replies) {
    boolean[] out = new boolean[replies.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = RefusalJudge.isRefusal(replies.get(i));
    }
    return out;
  }

  /** A few prompts with the model's replies, for the evaluation's examples. */
  public List<String[]> sampleReplies(LanguageModel lm, int perKind) {
    List<String> some = new java.util.ArrayList<>(harmful.subList(0, Math.min(perKind, harmful.size())));
    some.addAll(benign.subList(0, Math.min(perKind, benign.size())));
    List<String> replies = lm.generate(some, REPLY_TOKENS, 0, 0);
    List<String[]> out = new java.util.ArrayList<>();
    for (int i = 0; i < some.size(); i++) {
      out.add(new String[] {some.get(i), replies.get(i)});
    }
    return out;
  }
}
