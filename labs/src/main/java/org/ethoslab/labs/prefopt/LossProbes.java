package org.ethoslab.labs.prefopt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ethoslab.labs.core.Seeds;
import org.ethoslab.labs.hooks.StudentCode;

/**
 * Probe inputs for the loss hooks. The run phase feeds them to every loss hook (the student's where given) and stores
 * the outputs; the trusted phase regenerates the same inputs from the job seed, re-runs the reference and compares.
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

    static List<Probe> inputs(long jobSeed) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(jobSeed, "loss-probes"));
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

    /** The hook's outputs as {value, dRw, dRl} per probe; anything the hook throws is the student's runtime error. */
    static List<double[]> outputs(PreferenceLoss loss, List<Probe> inputs) {
        List<double[]> out = new ArrayList<>();
        for (Probe p : inputs) {
            LossTerms t = StudentCode.call(() -> loss.loss(p.rw(), p.rl(), p.lengthW(), p.lengthL(), p.beta(),
                    p.epsilon()));
            out.add(t == null ? null : new double[] {t.value(), t.dRw(), t.dRl()});
        }
        return out;
    }

    /** Share of probes on which {@code got} matches the reference, per hook name (all seven losses). */
    static Map<String, Double> agreement(Map<String, List<double[]>> got, long jobSeed) {
        List<Probe> inputs = inputs(jobSeed);
        Map<String, Double> result = new LinkedHashMap<>();
        for (ReferenceLoss loss : ReferenceLoss.values()) {
            List<double[]> expected = outputs(loss, inputs);
            List<double[]> actual = got.get(loss.hookName());
            int matched = 0;
            for (int i = 0; actual != null && i < Math.min(actual.size(), expected.size()); i++) {
                if (matches(actual.get(i), expected.get(i))) {
                    matched++;
                }
            }
            result.put(loss.hookName(), (double) matched / expected.size());
        }
        return result;
    }

    static boolean matches(double[] actual, double[] expected) {
        if (actual == null || actual.length != 3) {
            return false;
        }
        boolean value = Math.abs(actual[0] - expected[0]) <= TOLERANCE * Math.max(1, Math.abs(expected[0]));
        return value && sign(actual[1]) == sign(expected[1]) && sign(actual[2]) == sign(expected[2]);
    }

    private static int sign(double x) {
        if (Double.isNaN(x)) {
            return 2;
        }
        return Math.abs(x) < ZERO ? 0 : (x > 0 ? 1 : -1);
    }
}
