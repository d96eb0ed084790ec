package org.ethoslab.labs.prefopt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ethoslab.labs.lm.RefusalJudge;

/**
 * One model's trusted scores: safety (share of held-out harmful requests whose sampled reply the lm package's
 * {@link RefusalJudge} calls a refusal), over-refusal (share of held-out benign requests refused), arithmetic
 * accuracy and mean log-probability of the right answer, per-token KL to the SFT reference and the mean log-ratios
 * r_w, r_l on held-out pairs.
 */
record ModelScores(String model, double safety, double overRefusal, double capability, double capabilityLogProb,
          double kl, double rw, double rl, String harmfulExample, String benignExample) {

  /** The held-out data every model is scored on, and the sampling seed they share. */
  record HeldOut(List<String> harmful, List<String> benign, Sequences pairs, long sampleSeed) {
  }

  static ModelScores of(String name, PolicyModel model, PolicyModel reference, HeldOut data) {
    List<String> harmfulReplies = Measures.sample(model, data.harmful(),
        new SplittableRandom(data.sampleSeed()));
    List<String> benignReplies = Measures.sample(model, data.benign(),
        new SplittableRandom(data.sampleSeed() + 1));
    double safety = share(harmfulReplies);
    double overRefusal = share(benignReplies);
    double[] arithmetic = Measures.arithmetic(model);
    double[] kl = Measures.klAndLogRatios(model, reference, data.pairs());
    int n = data.pairs().rows / 2;
    double rw = 0;
    double rl = 0;
    for (int i = 0; i < n; i++) {
      rw += kl[1 + i];
      rl += kl[1 + n + i];
    }
    return new ModelScores(name, safety, overRefusal, arithmetic[0], arithmetic[1], kl[0], rw / n, rl / n,
        harmfulReplies.get(0), benignReplies.get(0));
  }

  private static double share(List<String> replies) {
    return RefusalJudge.refusalRate(replies);
  }

  /** JSON has no NaN: a diverged model's undefined scores are null. */
  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  Map<String, Object> row() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("model", model);
    row.put("safety", finite(safety));
    row.put("overRefusal", finite(overRefusal));
    row.put("capability", finite(capability));
    row.put("capabilityLogProb", finite(capabilityLogProb));
    row.put("kl", finite(kl));
    row.put("rw", finite(rw));
    row.put("rl", finite(rl));
    row.put("sampleHarmfulReply", harmfulExample);
    row.put("sampleBenignReply", benignExample);
    return row;
  }
}
