package org.ethoslab.labs.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Student-style hook sources for the benchmarks: the hooks each lab's default job trains with, written as a student
 * would, in the hook API of a given labs build (so the same code can be timed against a build from before the hook
 * host, whose interfaces lived in the labs' own packages).
 */
final class BenchmarkHooks {
  private BenchmarkHooks() {
  }

  static final String SOFT_VOTE = """
      public class SoftVote implements org.ethoslab.hooks.w2s.Voting {
        public double[] combine(double[][] p) {
          double[] out = new double[p[0].length];
          for (double[] t : p) for (int c = 0; c < out.length; c++) out[c] += t[c];
          for (int c = 0; c < out.length; c++) out[c] /= p.length;
          return out;
        }
      }
      """;

  /**
   * The default MergeAlign job merges through the {@code Ties} hook. This answer is task arithmetic under that name —
   * wrong for TIES, so its hooks check fails — but it crosses the channel with the same three trees in and one out,
   * and both builds run the same student code, so it times what the split costs, not the merge.
   */
  static final String TASK_ARITHMETIC_AS_TIES = """
      import java.util.*;
      import org.ethoslab.hooks.ParameterTree;
      import org.ethoslab.hooks.merging.MergeSettings;
      public class Ties implements org.ethoslab.hooks.merging.MergeMethod {
        public ParameterTree merge(ParameterTree base, List<ParameterTree> models, MergeSettings s) {
          for (ParameterTree m : models) base.requireSameLayout(m, "model");
          Map<String, ParameterTree.Tensor> out = new LinkedHashMap<>();
          for (String name : base.names()) {
            float[] b = base.get(name).values();
            float[] v = new float[b.length];
            for (int j = 0; j < b.length; j++) {
              double sum = 0;
              for (int i = 0; i < models.size(); i++) {
                sum += s.weight(i) * (models.get(i).get(name).values()[j] - b[j]);
              }
              v[j] = (float) (b[j] + s.lambda() * sum);
            }
            out.put(name, base.get(name).withValues(v));
          }
          return new ParameterTree(out);
        }
      }
      """;

  private static String loss(String name, String body) {
    return "public class " + name + " implements org.ethoslab.hooks.prefopt.PreferenceLoss {\n"
        + "    static double sig(double x) { return 1 / (1 + Math.exp(-x)); }\n"
        + "    static double logSig(double x) { return x >= 0 ? -Math.log1p(Math.exp(-x)) "
        + ": x - Math.log1p(Math.exp(x)); }\n"
        + "    public org.ethoslab.hooks.prefopt.LossTerms loss(double rw, double rl, int lw, int ll, double b,"
        + " double e) {\n" + body + "    }\n}\n";
  }

  /** The default prefopt job trains NCA and compares DPO and IPO. */
  static final Map<String, String> PREFOPT = Map.of(
      "NcaLoss", loss("NcaLoss", """
            double v = -logSig(b * rw) - 0.5 * logSig(-b * rw) - 0.5 * logSig(-b * rl);
            double dw = -b * sig(-b * rw) + 0.5 * b * sig(b * rw);
            return new org.ethoslab.hooks.prefopt.LossTerms(v, dw, 0.5 * b * sig(b * rl));
          """),
      "DpoLoss", loss("DpoLoss", """
            double z = b * (rw - rl);
            return new org.ethoslab.hooks.prefopt.LossTerms(-logSig(z), -b * sig(-z), b * sig(-z));
          """),
      "IpoLoss", loss("IpoLoss", """
            double d = rw / lw - rl / ll - 1 / (2 * b);
            return new org.ethoslab.hooks.prefopt.LossTerms(d * d, 2 * d / lw, -2 * d / ll);
          """));

  /** The default job's hooks of {@code lab}. */
  static Map<String, String> of(String lab) {
    return switch (lab) {
      case "w2s" -> Map.of("SoftVote", SOFT_VOTE);
      case "mergealign" -> Map.of("Ties", TASK_ARITHMETIC_AS_TIES);
      case "prefopt" -> PREFOPT;
      default -> throw new IllegalArgumentException("no benchmark hooks for lab " + lab);
    };
  }

  /** The same sources for a labs build of hook API {@code api}: 2 (lab-hooks), or 1 (the labs' own packages). */
  static Map<String, String> forApi(Map<String, String> hooks, int api) {
    Map<String, String> out = new LinkedHashMap<>();
    hooks.forEach((name, source) -> out.put(name, api >= 2 ? source : source
        .replace("org.ethoslab.hooks.w2s.", "org.ethoslab.labs.w2s.")
        .replace("org.ethoslab.hooks.ParameterTree", "org.ethoslab.labs.lm.ParameterTree")
        .replace("org.ethoslab.hooks.merging.", "org.ethoslab.labs.merging.")
        .replace("org.ethoslab.hooks.prefopt.", "org.ethoslab.labs.prefopt.")));
    return out;
  }
}
