package org.ethoslab.labs.w2s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ethoslab.labs.core.Seeds;

/**
 * Probe inputs for the voting hooks. The run phase feeds them to the student's hooks and stores the outputs; the
 * trusted phase regenerates the same inputs from the job seed and compares against the reference implementations.
 * Inputs vary the number of teachers (1–6) and classes (2–3) and include exact ties, where hard voting must follow
 * the documented tie rule.
 */
final class HookProbes {
    static final int COUNT = 64;
    static final double TOLERANCE = 1e-9;
    static final List<String> HOOKS = List.of("SoftVote", "HardVote");

    private HookProbes() {
    }

    static List<double[][]> inputs(long jobSeed) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(jobSeed, "hook-probes"));
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

    static List<double[]> outputs(Voting voting, List<double[][]> inputs) {
        List<double[]> out = new ArrayList<>();
        for (double[][] in : inputs) {
            double[][] copy = new double[in.length][];
            for (int t = 0; t < in.length; t++) {
                copy[t] = in[t].clone();
            }
            out.add(voting.combine(copy));
        }
        return out;
    }

    /** Share of probe inputs where {@code got} matches the reference within {@link #TOLERANCE}, per hook. */
    static Map<String, Double> agreement(Map<String, List<double[]>> got, long jobSeed) {
        List<double[][]> inputs = inputs(jobSeed);
        Map<String, Double> result = new LinkedHashMap<>();
        for (String hook : HOOKS) {
            List<double[]> expected = outputs(reference(hook), inputs);
            List<double[]> actual = got.get(hook);
            int matched = 0;
            for (int i = 0; actual != null && i < Math.min(actual.size(), expected.size()); i++) {
                if (close(actual.get(i), expected.get(i))) {
                    matched++;
                }
            }
            result.put(hook, (double) matched / expected.size());
        }
        return result;
    }

    private static boolean close(double[] a, double[] b) {
        if (a == null || a.length != b.length) {
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
