package org.ethoslab.labs.prefopt;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.EventSink;
import org.ethoslab.labs.core.LabContext;
import org.ethoslab.labs.core.Params;
import org.ethoslab.labs.core.StudentHooks;

/**
 * Reproduces the comparison table of {@code docs/labs.md}: runs a job file with {@code compare = all} once per seed
 * (run phase, then trusted evaluation, in this JVM) and prints a Markdown table of each model's mean ± standard
 * deviation over the seeds:
 * {@code java -cp labs/target/labs.jar org.ethoslab.labs.prefopt.PrefoptTable labs/examples/prefopt-default.json 3}.
 */
public final class PrefoptTable {
  private static final String[] COLUMNS = {"safety", "overRefusal", "capability", "kl", "rw", "rl"};

  private PrefoptTable() {
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("ai.djl.pytorch.num_threads", "1");
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    JobInput base = JobInput.read(Path.of(args[0]));
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    PrefoptLab lab = new PrefoptLab();
    Map<String, List<Map<String, Object>>> byModel = new LinkedHashMap<>();
    for (int s = 1; s <= seeds; s++) {
      var root = (com.fasterxml.jackson.databind.node.ObjectNode) ContractJson.MAPPER.valueToTree(Map.of(
          "lab", PrefoptLab.ID, "seed", s, "hidden", Map.of("evalSeed", 1000 + s)));
      var params = base.params().deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) params).put("compare", "all");
      root.set("params", params);
      JobInput job = JobInput.parse(root);
      Params p = Params.validate(lab.spec(), job.params());
      Path out = Files.createTempDirectory("prefopt-table-");
      long start = System.nanoTime();
      LabContext ctx = new LabContext(s, new EventSink(new PrintStream(OutputStream.nullOutputStream())),
          Files.createTempDirectory("prefopt-scratch-"), out, LabContext.Device.CPU, 1, StudentHooks.none());
      lab.run(job.withoutHidden(), p, ctx);
      Evaluation eval = lab.evaluate(job, p, new Artifacts(out), StudentHooks.none());
      System.err.printf(Locale.ROOT, "seed %d: %.1f s%n", s, (System.nanoTime() - start) / 1e9);
      for (Map<String, Object> row : eval.perSeed()) {
        byModel.computeIfAbsent((String) row.get("model"), k -> new ArrayList<>()).add(row);
      }
    }
    System.out.println("| model | safety | over-refusal | capability | KL | final r_w | final r_l |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (var e : byModel.entrySet()) {
      StringBuilder line = new StringBuilder("| " + e.getKey() + " |");
      for (String column : COLUMNS) {
        double[] v = e.getValue().stream().mapToDouble(r -> r.get(column) == null ? Double.NaN
            : ((Number) r.get(column)).doubleValue()).toArray();
        double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        double sd = Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum()
            / Math.max(1, v.length - 1));
        line.append(String.format(Locale.ROOT, " %.2f ± %.2f |", mean, sd));
      }
      System.out.println(line);
    }
  }
}
