package org.ethoslab.labs.w2s;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ethoslab.contract.job.Seeds;
import org.ethoslab.hooks.channel.HookOutcome;
import org.ethoslab.hooks.w2s.Voting;
import org.ethoslab.labs.core.Hook;
import org.ethoslab.labs.core.ProbeAgreement;
import org.ethoslab.labs.core.StudentHooks;

/**
 * Probe inputs for the voting hooks, drawn by the trusted phase from the hidden evaluation seed, which the run never
 * sees. Random probes vary the number of teachers (1–6) and classes (2–3) and include exact ties, where hard voting
 * must follow the documented tie rule; probes from the hidden test set are what the run's own calls look like (the
 * job's K teachers, two classes), so a hook cannot tell a graded call from a training one.
 */
final class HookProbes {
  static final int COUNT = 64;
  static final double TOLERANCE = 1e-9;
  static final List<String> HOOKS = List.of("SoftVote", "HardVote");

  private HookProbes() {
  }

  /** Random probes from the hidden seed. */
  static List<double[][]> inputs(long evalSeed) {
    SplittableRandom rng = new SplittableRandom(Seeds.derive(evalSeed, "hook-probes"));
    List<double[][]> out = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      int k = 1 + rng.nextInt(6);
      int classes = i % 4 == 3 ? 3 : 2;
      double[][] probs = new double[k][classes];
      for (int t = 0; t < k; t++) {
        if (i % 8 == 5 && t % 2 == 1) {
          probs[t] = probs[t - 1].clone();
          continue;
        }
        if (i % 8 == 6) {
          probs[t][0] = 0.5;
          probs[t][1] = 0.5;
          continue;
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          probs[t][c] = -Math.log(1 - rng.nextDouble());
          sum += probs[t][c];
        }
        for (int c = 0; c < classes; c++) {
          probs[t][c] /= sum;
        }
      }
      out.add(probs);
    }
    return out;
  }

  static Voting reference(String hook) {
    return hook.equals("HardVote") ? new HardVoteReference() : new SoftVoteReference();
  }

  /** Share of probes on which each submitted hook matches its reference within {@link #TOLERANCE}; 0 if not given. */
  static Map<String, Double> agreement(StudentHooks hooks, List<double[][]> probes) throws IOException {
    List<Object[]> args = new ArrayList<>();
    probes.forEach(p -> args.add(new Object[] {p}));
    Map<String, Double> result = new LinkedHashMap<>();
    for (String name : HOOKS) {
      Hook<Voting> student = hooks.hook(name, Voting.class, reference(name));
      result.put(name, ProbeAgreement.share(student, Hook.reference(name, Voting.class, reference(name)), args,
          HookProbes::matches));
    }
    return result;
  }

  static boolean matches(HookOutcome got, HookOutcome expected) {
    if (got.threw() || !(got.value() instanceof double[] a) || !(expected.value() instanceof double[] b)
        || a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!(Math.abs(a[i] - b[i]) <= TOLERANCE)) {
        return false;
      }
    }
    return true;
  }
}
