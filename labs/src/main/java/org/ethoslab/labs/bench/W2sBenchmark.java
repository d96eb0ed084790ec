package org.ethoslab.labs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.labs.core.DirectoryTree;

/**
 * Times the W2S lab the way the sandbox runner runs it: two fresh JVMs per repetition, {@code run} (untrusted) then
 * {@code evaluate} (trusted), wall clock from the first JVM's start to the Evaluation on stdout. Prints the median,
 * the share of time per stage, the student's training throughput, peak RSS, and tiny-GPT training throughput.
 *
 * <pre>java -cp labs/target/labs.jar org.ethoslab.labs.bench.W2sBenchmark labs/examples/w2s-default.json [runs]</pre>
 */
public final class W2sBenchmark {
  private W2sBenchmark() {
  }

  /** One repetition's measurements. */
  record Sample(double wallSeconds, double runSeconds, double evaluateSeconds, long peakRssKb, JsonNode timings,
         JsonNode evaluation) {
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: W2sBenchmark <job.json> [runs (default 3)]");
      System.exit(2);
    }
    Path job = Path.of(args[0]).toAbsolutePath();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path jar = Path.of(W2sBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Sample s = once(jar, job);
      samples.add(s);
      System.out.printf(Locale.ROOT, "run %d: %.1f s (run %.1f s + evaluate %.1f s), peak RSS %d MB%n", i + 1,
          s.wallSeconds(), s.runSeconds(), s.evaluateSeconds(), s.peakRssKb() / 1024);
    }
    report(samples, ContractJson.MAPPER.readTree(job.toFile()));
    TinyGptThroughput.measure(System.out);
  }

  private static Sample once(Path jar, Path job) throws Exception {
    Path out = Files.createTempDirectory("w2s-bench-");
    try {
      long t0 = System.nanoTime();
      ProcessResult run = ProcessResult.exec(List.of(javaBin(), "-jar", jar.toString(), "run", job.toString(),
          "--out", out.toString()));
      long t1 = System.nanoTime();
      ProcessResult eval = ProcessResult.exec(List.of(javaBin(), "-jar", jar.toString(), "evaluate",
          job.toString(), "--artifacts", out.toString()));
      long t2 = System.nanoTime();
      if (run.exitCode() != 0 || eval.exitCode() != 0) {
        throw new IllegalStateException("lab failed: run exit " + run.exitCode() + ", evaluate exit "
            + eval.exitCode() + "\n" + run.stderrHead() + eval.stderrHead());
      }
      return new Sample((t2 - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
          Math.max(run.peakRssKb(), eval.peakRssKb()), ContractJson.MAPPER.readTree(out.resolve("timings.json")
          .toFile()), ContractJson.MAPPER.readTree(eval.stdout()));
    } finally {
      DirectoryTree.delete(out);
    }
  }

  private static void report(List<Sample> samples, JsonNode job) {
    double[] walls = samples.stream().mapToDouble(Sample::wallSeconds).sorted().toArray();
    Sample median = samples.stream().filter(s -> s.wallSeconds() == walls[walls.length / 2]).findFirst()
        .orElseThrow();
    JsonNode t = median.timings();
    double data = t.path("data").asDouble() / 1000;
    double weak = t.path("weak").asDouble() / 1000;
    double strong = t.path("strong").asDouble() / 1000;
    double evaluate = median.evaluateSeconds();
    double other = Math.max(0, median.wallSeconds() - data - weak - strong - evaluate);
    double total = median.wallSeconds();
    JsonNode params = job.path("params");
    int seeds = params.path("numSeeds").asInt(5);
    int trainSize = params.path("trainSize").asInt(1000);
    int steps = params.path("strongSteps").asInt(80);
    // two stacks (W2S student and ceiling) per seed, each a full-batch pass over half the pool per step
    double studentExamples = 2.0 * seeds * (trainSize / 2) * steps;
    System.out.printf(Locale.ROOT, "%nW2S default job, %d runs: wall JVM start → Evaluation median %.1f s "
        + "(min %.1f, max %.1f)%n", walls.length, total, walls[0], walls[walls.length - 1]);
    System.out.printf(Locale.ROOT, "share of time: data prep + MiniLM embedding %.0f%%, weak teachers %.0f%%, "
            + "strong students %.0f%%, evaluation (2nd JVM) %.0f%%, JVM/engine start and writing %.0f%%%n",
        100 * data / total, 100 * weak / total, 100 * strong / total, 100 * evaluate / total,
        100 * other / total);
    System.out.printf(Locale.ROOT, "student head training throughput: %.0f examples/s (%d stacked models)%n",
        studentExamples / strong, 2 * seeds);
    System.out.printf(Locale.ROOT, "peak RSS (max of the two JVMs): %d MB%n", median.peakRssKb() / 1024);
    JsonNode m = median.evaluation().path("metrics");
    System.out.printf(Locale.ROOT, "metrics: weak %.3f, w2s %.3f, ceiling %.3f, median PGR %.2f [%.2f, %.2f]%n",
        m.path("acc.weak").asDouble(), m.path("acc.w2s").asDouble(), m.path("acc.ceiling").asDouble(),
        m.path("pgr.median").asDouble(), m.path("pgr.ciLow").asDouble(), m.path("pgr.ciHigh").asDouble());
    System.out.println("wall times: " + Arrays.toString(walls));
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A finished child process: exit code, stdout, the start of stderr, and its peak RSS (VmHWM) in kB. */
  record ProcessResult(int exitCode, String stdout, String stderrHead, long peakRssKb) {
    static ProcessResult exec(List<String> command) throws IOException, InterruptedException {
      Path stdout = Files.createTempFile("bench-out", ".txt");
      Path stderr = Files.createTempFile("bench-err", ".txt");
      try {
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
            .start();
        long peak = 0;
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        while (p.isAlive()) {
          peak = Math.max(peak, readHighWaterMark(status));
          Thread.sleep(20);
        }
        String err = Files.readString(stderr);
        return new ProcessResult(p.waitFor(), Files.readString(stdout),
            err.substring(0, Math.min(err.length(), 2000)), peak);
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    }

    private static long readHighWaterMark(Path status) {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmHWM:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException | RuntimeException e) {
        // the process exited between isAlive() and the read; keep the last value
      }
      return 0;
    }
  }
}
