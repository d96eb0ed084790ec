package org.ethoslab.runner.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ethoslab.runner.sandbox.CgroupHierarchy;
import org.ethoslab.runner.sandbox.JdkMounts;
import org.ethoslab.runner.sandbox.JobLimits;
import org.ethoslab.runner.sandbox.StandaloneClass;

/**
 * Sandbox start overhead: a hello-world JVM and {@code labs.jar list}, each started plainly, through bwrap alone
 * (the NAMESPACES_ONLY chain: prlimit, bwrap, seccomp) and through the full chain (plus per-job cgroups, a tmpfs job
 * directory and setpriv: everything a job pays at FULL), with median and p95 over N runs. A documented command, not a
 * timed test:
 * <pre>
 * java -cp "sandbox-runner/target/ethoslab-runner.jar:sandbox-runner/target/lib/*" \
 *   org.ethoslab.runner.executor.SandboxStartBenchmark --runs 20 --labs-home labs/target
 * </pre>
 */
public final class SandboxStartBenchmark {

  private SandboxStartBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int runs = 20;
    Path labsHome = null;
    Path work = Path.of(System.getProperty("java.io.tmpdir"), "ethoslab-sandbox-bench");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--labs-home" -> labsHome = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--work-dir" -> work = Path.of(args[++i]).toAbsolutePath();
        default -> throw new IllegalArgumentException("Unknown argument " + args[i]
            + " (known: --runs N, --labs-home DIR, --work-dir DIR)");
      }
    }
    ExecutorSettings settings = ExecutorSettings.defaults(1, Files.createDirectories(work));
    boolean root = ExecutorSettings.runningAsRoot();
    Optional<CgroupHierarchy> cgroups = root ? CgroupHierarchy.detect() : Optional.empty();
    List<Path> jdk = JdkMounts.of(settings.javaHome());
    Path classes = StandaloneClass.copy(BenchmarkHello.class, work.resolve("hello-classes"));
    System.out.printf("sandbox start overhead, %d runs each (root: %s, cgroups: %s, load: %s)%n", runs, root,
        cgroups.isPresent(), Files.readString(Path.of("/proc/loadavg")).strip());
    List<String> hello = List.of("-cp", classes.toString(), BenchmarkHello.class.getName());
    try {
      compare("hello world", hello, List.of(classes), runs, settings, cgroups, root, jdk);
      if (labsHome != null) {
        compare("labs.jar list", List.of("-jar", labsHome.resolve("labs.jar").toString(), "list"), List.of(labsHome),
            runs, settings, cgroups, root, jdk);
      }
    } finally {
      cgroups.ifPresent(CgroupHierarchy::close);
    }
  }

  private static void compare(String name, List<String> program, List<Path> readOnly, int runs,
                              ExecutorSettings settings, Optional<CgroupHierarchy> cgroups, boolean root,
                              List<Path> jdk) throws Exception {
    List<String> options = List.of("-Xmx256m", "-XX:-UsePerfData", "-Dai.djl.offline=true");
    List<Double> plain = new ArrayList<>();
    List<Double> bwrapOnly = new ArrayList<>();
    List<Double> full = new ArrayList<>();
    for (int i = 0; i < runs + 1; i++) {
      // Interleaved, so that a change in the machine's load hits all three alike.
      double p = plain(settings, options, program);
      double b = sandboxed(settings, Optional.empty(), false, jdk, options, program, readOnly, i);
      double f = sandboxed(settings, cgroups, root, jdk, options, program, readOnly, i);
      if (i > 0) { // the first of each warms the page cache
        plain.add(p);
        bwrapOnly.add(b);
        full.add(f);
      }
    }
    print(name, "plain JVM", plain, plain);
    print(name, "bwrap only", bwrapOnly, plain);
    print(name, "full chain", full, plain);
  }

  private static void print(String name, String variant, List<Double> times, List<Double> plain) {
    System.out.printf("%-14s %-11s median %7.1f ms  p95 %7.1f ms  (median %+.1f ms vs plain)%n", name, variant,
        percentile(times, 50), percentile(times, 95), percentile(times, 50) - percentile(plain, 50));
  }

  private static double plain(ExecutorSettings settings, List<String> options, List<String> program)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(settings.javaBinary().toString()));
    argv.addAll(options);
    argv.addAll(program);
    long start = System.nanoTime();
    Process process = new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    int exit = process.waitFor();
    double millis = (System.nanoTime() - start) / 1e6;
    if (exit != 0) {
      throw new IllegalStateException("plain run exited " + exit);
    }
    return millis;
  }

  private static double sandboxed(ExecutorSettings settings, Optional<CgroupHierarchy> cgroups, boolean root,
                                  List<Path> jdk, List<String> options, List<String> program, List<Path> readOnly,
                                  int run) throws Exception {
    BubblewrapExecutor executor = new BubblewrapExecutor(settings, cgroups, root, jdk, 0, SandboxRole.TRAINER);
    Path base = settings.scratch().resolve("run-" + run);
    long start = System.nanoTime();
    try {
      executor.prepare(new SandboxRequest("bench-" + run, base.resolve("job"), base.resolve("private"),
          JobLimits.of(1, 512, Duration.ofSeconds(60)).withHeapMb(256), readOnly, 0));
      StageOutcome outcome = executor.run(new StageCommand(options, program, Map.of("HOME", "/job")),
          (stderr, line) -> { }, new StopSignal());
      if (outcome.process().exitCode() != 0) {
        throw new IllegalStateException("sandboxed run exited " + outcome.process().exitCode() + ": "
            + outcome.process().stderrHead());
      }
    } finally {
      executor.finish();
      executor.cleanup();
    }
    double millis = (System.nanoTime() - start) / 1e6;
    DirectoryTree.delete(base);
    return millis;
  }

  private static double percentile(List<Double> values, int percentile) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
