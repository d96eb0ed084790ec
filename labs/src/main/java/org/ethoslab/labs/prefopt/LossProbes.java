package org.ethoslab.labs.prefopt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ethoslab.contract.job.Seeds;
import org.ethoslab.hooks.channel.HookOutcome;
import org.ethoslab.hooks.prefopt.LossTerms;
import org.ethoslab.hooks.prefopt.PreferenceLoss;
import org.ethoslab.labs.core.Hook;
import org.ethoslab.labs.core.ProbeAgreement;
import org.ethoslab.labs.core.StudentHooks;

/**
 * Probe inputs for the loss hooks, drawn by the trusted phase from the hidden evaluation seed, which the run never
 * sees; the student's hooks and the references answer them and are compared.
 * A hook passes a probe when its loss value matches within a relative {@link #TOLERANCE} and both derivatives have
 * the reference's sign (a derivative below 1e-12 in magnitude counts as zero). Inputs cover both signs of r_w and
 * r_l, margins on either side of the hinge, several β, ε and reply lengths, and the toy case r_w = r_l = 0.
 */
final class LossProbes {
  static final int COUNT = 48;
  static final double TOLERANCE = 1e-6;
  private static final double ZERO = 1e-12;
  private static final double[] BETAS = {0.05, 0.1, 0.3, 0.5, 2};

  private LossProbes() {
  }

  /** One probe input. */
  record Probe(double rw, double rl, int lengthW, int lengthL, double beta, double epsilon) {
  }

  static List<Probe> inputs(long evalSeed) {
    SplittableRandom rng = new SplittableRandom(Seeds.derive(evalSeed, "loss-probes"));
    List<Probe> out = new ArrayList<>();
    out.add(new Probe(0, 0, 4, 6, 0.1, 0.1));
    for (int i = 1; i < COUNT; i++) {
      double beta = BETAS[rng.nextInt(BETAS.length)];
      double rw = (rng.nextDouble() * 2 - 1) * 6 / Math.sqrt(beta);
      double rl = (rng.nextDouble() * 2 - 1) * 6 / Math.sqrt(beta);
      out.add(new Probe(rw, rl, 1 + rng.nextInt(12), 1 + rng.nextInt(12), beta,
          Math.round(rng.nextDouble() * 40) / 100.0));
    }
    return out;
  }

  /** Share of probes on which each submitted loss hook matches its reference (all seven losses); 0 if not given. */
  static Map<String, Double> agreement(StudentHooks hooks, long evalSeed) throws IOException {
    List<Object[]> args = new ArrayList<>();
    for (Probe p : inputs(evalSeed)) {
      args.add(new Object[] {p.rw(), p.rl(), p.lengthW(), p.lengthL(), p.beta(), p.epsilon()});
    }
    Map<String, Double> result = new LinkedHashMap<>();
    for (ReferenceLoss loss : ReferenceLoss.values()) {
      Hook<PreferenceLoss> student = hooks.hook(loss.hookName(), PreferenceLoss.class, loss);
      result.put(loss.hookName(), ProbeAgreement.share(student,
          Hook.reference(loss.hookName(), PreferenceLoss.class, loss), args, LossProbes::matches));
    }
    return result;
  }

  static boolean matches(HookOutcome got, HookOutcome expected) {
    if (got.threw() || !(got.value() instanceof LossTerms a) || !(expected.value() instanceof LossTerms b)) {
      return false;
    }
    boolean value = Math.abs(a.value() - b.value()) <= TOLERANCE * Math.max(1, Math.abs(b.value()));
    return value && sign(a.dRw()) == sign(b.dRw()) && sign(a.dRl()) == sign(b.dRl());
  }

  private static int sign(double x) {
    if (Double.isNaN(x)) {
      return 2;
    }
    return Math.abs(x) < ZERO ? 0 : (x > 0 ? 1 : -1);
  }
}
