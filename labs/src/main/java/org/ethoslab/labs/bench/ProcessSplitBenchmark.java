package org.ethoslab.labs.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.hook.HookSources;
import org.ethoslab.hooks.channel.HookClient;
import org.ethoslab.hooks.channel.HookMethods;
import org.ethoslab.hooks.channel.LocalHookHost;
import org.ethoslab.hooks.w2s.Voting;
import org.ethoslab.labs.core.DirectoryTree;

/**
 * What moving student code into a hook host of its own costs. For each lab's default job with the student's hooks
 * it times, in turn, the labs build from before the split (hooks compiled and called inside the {@code run} JVM)
 * and this build ({@code --hooks local}: a separate hook host process answering over pipes, its class path the hook
 * API alone), each as {@code run} then {@code evaluate}, two fresh JVMs, wall clock from the first start to the
 * Evaluation. Then it measures the channel itself: round trips per second one call at a time, and calls per second
 * in batches, against a hook host process.
 *
 * <pre>
 * git worktree add /tmp/ethoslab-before 47df4c8
 * (cd /tmp/ethoslab-before &amp;&amp; mvn -B -q -pl labs -am package -DskipTests)
 * java -cp labs/target/labs.jar org.ethoslab.labs.bench.ProcessSplitBenchmark /tmp/ethoslab-before/labs/target \
 *     labs/target 5 w2s,mergealign,prefopt
 * </pre>
 * Build the language-model labs' models first ({@code labs.jar build-models mergealign}, and {@code prefopt} with each
 * build), or the first repetition of each includes a cold build.
 */
public final class ProcessSplitBenchmark {
  private ProcessSplitBenchmark() {
  }

  /** One labs build: where it is and which hook API its jobs are written in. */
  record Build(String name, Path home, int api) {
    List<String> command(String... args) {
      List<String> c = new ArrayList<>(List.of(W2sBenchmark.javaBin(), "-jar", home.resolve("labs.jar")
          .toString()));
      c.addAll(List.of(args));
      if (api >= 2 && (args[0].equals("run") || args[0].equals("evaluate"))) {
        c.addAll(List.of("--hooks", "local"));
      }
      return c;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ProcessSplitBenchmark <labs home before> <labs home after> [runs] [labs]");
      System.exit(2);
    }
    Build before = new Build("before", Path.of(args[0]).toAbsolutePath(), 1);
    Build after = new Build("after", Path.of(args[1]).toAbsolutePath(), 2);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<String> labs = args.length > 3 ? List.of(args[3].split(",")) : List.of("w2s", "mergealign", "prefopt");
    Path examples = after.home().resolveSibling("examples");
    System.out.println("| lab | before (median, min–max) | after (median, min–max) | after / before (median pair, "
        + "min–max) |");
    System.out.println("|---|---|---|---|");
    for (String lab : labs) {
      Path example = examples.resolve(lab + "-default.json");
      Path jobBefore = job(example, before);
      Path jobAfter = job(example, after);
      once(before, jobBefore);
      once(after, jobAfter);
      double[] a = new double[runs];
      double[] b = new double[runs];
      double[] ratio = new double[runs];
      for (int i = 0; i < runs; i++) {
        b[i] = once(before, jobBefore);
        a[i] = once(after, jobAfter);
        ratio[i] = a[i] / b[i];
      }
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", lab, seconds(b), seconds(a), ratios(ratio));
    }
    channel(runs);
  }

  /** The example job with this build's version and the student's hooks in its API. */
  private static Path job(Path example, Build build) throws Exception {
    ObjectNode job = (ObjectNode) ContractJson.MAPPER.readTree(example.toFile());
    job.put("labVersion", Integer.toString(build.api()));
    ObjectNode hooks = job.putObject("hooks");
    BenchmarkHooks.forApi(BenchmarkHooks.of(job.get("lab").asText()), build.api()).forEach(hooks::put);
    Path file = Files.createTempFile("split-bench-" + build.name() + "-", ".json");
    file.toFile().deleteOnExit();
    Files.writeString(file, ContractJson.MAPPER.writeValueAsString(job));
    return file;
  }

  /** Wall seconds of run + evaluate of {@code job} with {@code build}. */
  private static double once(Build build, Path job) throws Exception {
    Path out = Files.createTempDirectory("split-bench-out-");
    try {
      long t0 = System.nanoTime();
      W2sBenchmark.ProcessResult run = W2sBenchmark.ProcessResult.exec(build.command("run", job.toString(),
          "--out", out.toString()));
      W2sBenchmark.ProcessResult eval = W2sBenchmark.ProcessResult.exec(build.command("evaluate",
          job.toString(), "--artifacts", out.toString()));
      double wall = (System.nanoTime() - t0) / 1e9;
      if (run.exitCode() != 0 || eval.exitCode() != 0) {
        throw new IllegalStateException(build.name() + " failed: run exit " + run.exitCode() + ", evaluate exit "
            + eval.exitCode() + "\n" + run.stderrHead() + eval.stderrHead());
      }
      return wall;
    } finally {
      DirectoryTree.delete(out);
    }
  }

  /** Round trips per second (one call each) and calls per second in batches of 500, against a hook host process. */
  private static void channel(int runs) throws Exception {
    Method combine = HookMethods.of(Voting.class);
    LocalHookHost.Started host = LocalHookHost.start(new HookSources(List.of(new HookSources.Source("SoftVote",
        Voting.class.getName(), BenchmarkHooks.SOFT_VOTE))));
    try (HookClient client = host.client()) {
      Object[] args = {new double[][] {{0.2, 0.8}, {0.6, 0.4}, {0.5, 0.5}}};
      List<Object[]> one = List.<Object[]>of(args);
      List<Object[]> batch = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        batch.add(args);
      }
      for (int i = 0; i < 2000; i++) {
        client.call("SoftVote", combine, one);
      }
      double[] single = new double[runs];
      double[] batched = new double[runs];
      for (int r = 0; r < runs; r++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < 2000; i++) {
          client.call("SoftVote", combine, one);
        }
        single[r] = 2000 / ((System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        for (int i = 0; i < 40; i++) {
          client.call("SoftVote", combine, batch);
        }
        batched[r] = 40 * 500 / ((System.nanoTime() - t0) / 1e9);
      }
      Arrays.sort(single);
      Arrays.sort(batched);
      System.out.printf(Locale.ROOT, "%nhook channel (local hook host, pipes): %.0f round trips/s one call at a "
          + "time (min %.0f, max %.0f); %.0f calls/s in batches of 500 (min %.0f, max %.0f)%n",
          single[runs / 2], single[0], single[runs - 1], batched[runs / 2], batched[0], batched[runs - 1]);
    }
  }

  private static String seconds(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "%.2f s (%.2f–%.2f)", s[s.length / 2], s[0], s[s.length - 1]);
  }

  private static String ratios(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", s[s.length / 2], s[0], s[s.length - 1]);
  }
}
