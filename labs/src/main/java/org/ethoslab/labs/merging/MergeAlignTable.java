package org.ethoslab.labs.merging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ethoslab.labs.lm.LanguageModel;
import org.ethoslab.labs.lm.ModelCache;
import org.ethoslab.labs.lm.ParameterTree;

/**
 * Reproduces the lab's results table: base, domain expert, aligned model and every merge method at its best setting
 * on one held-out evaluation set. Each method sweeps its knob (α, λ, density or t; the other settings at their
 * defaults); its best setting is the safest one that keeps ≥ 95% of the domain expert's gain over the base, or, when
 * none does, the one with the largest sum of domain gain kept and safety gap recovered.
 *
 * <pre>java -cp labs/target/labs.jar org.ethoslab.labs.merging.MergeAlignTable [evalSeed] [questions] [prompts]</pre>
 */
public final class MergeAlignTable {
    static final double[] MERGEALIGN_ALPHAS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    static final double[] LAMBDAS = {0.6, 0.8, 1.0, 1.2};
    static final double[] DENSITIES = {0.2, 0.4, 0.6, 0.8, 1.0};
    static final double[] TS = {0.3, 0.4, 0.5, 0.6, 0.7};

    private MergeAlignTable() {
    }

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 2024;
        int questions = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int prompts = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        System.setProperty("ai.djl.offline", "true");
        Path root = ModelCache.configuredRoot();
        MergeAlignModels.Folders f = new MergeAlignModels(ModelSet.DEFAULT)
                .ensure(new ModelCache(root, root), System.err::println);
        ParameterTree base = LanguageModel.readParameters(f.base());
        ParameterTree domain = LanguageModel.readParameters(f.domain());
        ParameterTree aligned = LanguageModel.readParameters(f.aligned());
        EvalSet eval = new EvalSet(seed, questions, prompts);
        List<String> rows = new ArrayList<>();
        try (LanguageModel lm = LanguageModel.load(f.base())) {
            EvalSet.Scores b = eval.score(lm);
            lm.setParameters(domain);
            EvalSet.Scores d = eval.score(lm);
            lm.setParameters(aligned);
            EvalSet.Scores a = eval.score(lm);
            rows.add(row("base", "", b, b, d, a));
            rows.add(row("domain expert", "", d, b, d, a));
            rows.add(row("aligned", "", a, b, d, a));
            for (String method : MergeAlignConfig.METHODS) {
                MergeAlignConfig cfg = new MergeAlignConfig(method, 0.5, 1.0, 0.5, 0.5, 1.0, 1.0, 2, questions,
                        prompts, "default");
                double bestValue = Double.NaN;
                EvalSet.Scores best = null;
                double bestRank = Double.NEGATIVE_INFINITY;
                for (double v : grid(method)) {
                    lm.setParameters(cfg.hook().reference().merge(base, List.of(domain, aligned),
                            cfg.withKnob(method, v, 1)));
                    EvalSet.Scores s = eval.score(lm);
                    double kept = MergeAlignEvaluation.ratio(s.domain() - b.domain(), d.domain() - b.domain());
                    double recovered = MergeAlignEvaluation.ratio(s.safety() - d.safety(), a.safety() - d.safety());
                    double rank = kept >= 0.95 ? 10 + s.safety() - 0.01 * s.overRefusal() : kept + recovered;
                    System.err.printf(Locale.ROOT, "%s %s=%.2f: %s%n", method, MergeAlignConfig.knob(method), v, s);
                    if (rank > bestRank) {
                        bestRank = rank;
                        best = s;
                        bestValue = v;
                    }
                }
                rows.add(row(method, MergeAlignConfig.knob(method) + " = " + bestValue, best, b, d, a));
            }
        }
        System.out.println("| model | best setting | domain accuracy | safety (refusals on harmful) | over-refusal "
                + "(benign) | domain gain kept | safety gap recovered |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    static double[] grid(String method) {
        return switch (MergeAlignConfig.knob(method)) {
            case "alpha" -> MERGEALIGN_ALPHAS;
            case "lambda" -> LAMBDAS;
            case "density" -> DENSITIES;
            default -> TS;
        };
    }

    private static String row(String name, String setting, EvalSet.Scores s, EvalSet.Scores b, EvalSet.Scores d,
                              EvalSet.Scores a) {
        double kept = MergeAlignEvaluation.ratio(s.domain() - b.domain(), d.domain() - b.domain());
        double recovered = MergeAlignEvaluation.ratio(s.safety() - d.safety(), a.safety() - d.safety());
        return String.format(Locale.ROOT, "| %s | %s | %.3f | %.2f | %.2f | %.0f%% | %.0f%% |", name, setting,
                s.domain(), s.safety(), s.overRefusal(), 100 * kept, 100 * recovered);
    }
}
