package org.ethoslab.runner.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.hooks.ParameterTree;
import org.ethoslab.hooks.channel.HookClient;
import org.ethoslab.hooks.channel.HookMethods;
import org.ethoslab.hooks.merging.MergeMethod;
import org.ethoslab.hooks.merging.MergeSettings;
import org.ethoslab.hooks.w2s.Voting;
import org.ethoslab.runner.executor.DirectoryTree;
import org.ethoslab.runner.executor.ExecutorProvider;
import org.ethoslab.runner.executor.ExecutorRegistry;
import org.ethoslab.runner.executor.ExecutorSettings;
import org.ethoslab.runner.executor.StopSignal;
import org.ethoslab.runner.hooks.HookRelay;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * The hook channel as the runner runs it, measured: a hook host in its own sandbox (bubblewrap when it works here),
 * the relay on a Unix socket, a caller in this process. Prints the time from starting the host to its classes being
 * loaded (sandbox, JVM, javac), round trips per second one call at a time, calls per second in batches of 500, and
 * the rate for a MergeAlign-sized call (three parameter trees of 600,000 values each, one tree back). Not a test:
 *
 * <pre>
 * mvn -B -q -pl sandbox-runner -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=/tmp/runner-cp.txt
 * java -cp sandbox-runner/target/test-classes:sandbox-runner/target/classes:$(cat /tmp/runner-cp.txt) \
 *     org.ethoslab.runner.job.HookRelayBenchmark 5
 * </pre>
 */
public final class HookRelayBenchmark {

  private static final String SOFT_VOTE = """
      public class SoftVote implements org.ethoslab.hooks.w2s.Voting {
        public double[] combine(double[][] p) {
          double[] out = new double[p[0].length];
          for (double[] t : p) for (int c = 0; c < out.length; c++) out[c] += t[c] / p.length;
          return out;
        }
      }
      """;
  private static final String MERGE = """
      import java.util.*;
      import org.ethoslab.hooks.ParameterTree;
      import org.ethoslab.hooks.merging.MergeSettings;
      public class TaskArithmetic implements org.ethoslab.hooks.merging.MergeMethod {
        public ParameterTree merge(ParameterTree base, List<ParameterTree> models, MergeSettings s) {
          Map<String, ParameterTree.Tensor> out = new LinkedHashMap<>();
          for (String name : base.names()) {
            float[] b = base.get(name).values();
            float[] v = b.clone();
            for (ParameterTree m : models) {
              float[] x = m.get(name).values();
              for (int j = 0; j < v.length; j++) v[j] += (float) (s.lambda() * (x[j] - b[j]));
            }
            out.put(name, base.get(name).withValues(v));
          }
          return new ParameterTree(out);
        }
      }
      """;

  private HookRelayBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    // Set up like a runner: a temporary directory is 0700, which the sandbox uids could not enter.
    Path temp = Files.createTempDirectory("relay-bench-");
    org.ethoslab.runner.ExecutorConformanceAccess.RunnerSetup setup = org.ethoslab.runner.ExecutorConformanceAccess
        .setUp(temp);
    Path work = setup.workDir();
    ExecutorSettings settings = ExecutorSettings.defaults(1, work);
    LabDistribution lab = setup.lab();
    try (ExecutorProvider provider = ExecutorRegistry.detect(settings)) {
      System.out.println("isolation " + provider.features().isolation() + " (" + provider.features().detail() + ")");
      LabSpec spec = new LabSpec("bench", "1", "bench", "", "cpu-small", new LabSpec.Limits(60, 60, 256), List.of(),
          List.of(new LabSpec.HookSpec("SoftVote", Voting.class.getName(), "", ""),
              new LabSpec.HookSpec("TaskArithmetic", MergeMethod.class.getName(), "", "")), List.of());
      JobInput job = new JobInput("1", "bench", "1", 1, null, Map.of("SoftVote", SOFT_VOTE, "TaskArithmetic", MERGE),
          null, null, null, null, null, null);
      JobEnvironment env = new JobEnvironment(lab, work, Optional.empty(), true, 1, 1024, Duration.ofMinutes(5),
          Duration.ofMinutes(10), Duration.ofMinutes(5), 0, OptionalInt.empty(), new LabSpecs(Map.of()),
          setup.channelRoot());
      double[] load = new double[runs];
      double[] single = new double[runs];
      double[] batched = new double[runs];
      double[] merges = new double[runs];
      for (int r = 0; r < runs; r++) {
        EventStream events = new EventStream(new ObjectMapper(), batch -> batch.isEmpty() ? 0
            : batch.get(batch.size() - 1).seq(), 10_000);
        long t0 = System.nanoTime();
        try (JobHookHost host = JobHookHost.start(provider, 0, "bench-" + r, job, spec,
            JobLimits.of(1, 1024, Duration.ofMinutes(5)), env, events, new StopSignal(), work.resolve("host-" + r))) {
          host.failure().ifPresent(f -> {
            throw new IllegalStateException(f.getMessage());
          });
          load[r] = (System.nanoTime() - t0) / 1e6;
          Path channel = JobChannels.create(work.resolve("channel-" + r));
          try (HookRelay relay = host.relay(channel.resolve("hooks.sock"), OptionalInt.empty());
               SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(relay.socket()));
               HookClient client = new HookClient(Channels.newInputStream(socket), Channels.newOutputStream(socket),
                   null)) {
            single[r] = callsPerSecond(client, 1, 2000);
            batched[r] = callsPerSecond(client, 500, 40);
            merges[r] = mergesPerSecond(client, 5);
          }
        }
      }
      System.out.printf(Locale.ROOT, "hook host start to loaded: %s ms%n", spread(load, "%.0f"));
      System.out.printf(Locale.ROOT, "relayed round trips, one call each: %s /s%n", spread(single, "%.0f"));
      System.out.printf(Locale.ROOT, "relayed calls in batches of 500: %s /s%n", spread(batched, "%.0f"));
      System.out.printf(Locale.ROOT, "MergeAlign-sized calls (3 x 600k values in, 600k out): %s /s%n",
          spread(merges, "%.1f"));
    } finally {
      DirectoryTree.delete(work);
      DirectoryTree.delete(temp);
    }
  }

  private static double callsPerSecond(HookClient client, int batchSize, int rounds) throws Exception {
    Method combine = HookMethods.of(Voting.class);
    Object[] args = {new double[][] {{0.2, 0.8}, {0.6, 0.4}, {0.5, 0.5}}};
    List<Object[]> batch = new ArrayList<>();
    for (int i = 0; i < batchSize; i++) {
      batch.add(args);
    }
    for (int i = 0; i < rounds / 4 + 1; i++) {
      client.call("SoftVote", combine, batch);
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      client.call("SoftVote", combine, batch);
    }
    return (double) rounds * batchSize / ((System.nanoTime() - t0) / 1e9);
  }

  private static double mergesPerSecond(HookClient client, int rounds) throws Exception {
    Method merge = HookMethods.of(MergeMethod.class);
    float[] values = new float[600_000];
    Arrays.fill(values, 0.5f);
    ParameterTree tree = ParameterTree.of(List.of("w"), List.of(new ParameterTree.Tensor(new long[] {600, 1000},
        values)));
    Object[] args = {tree, List.of(tree, tree), new MergeSettings(0.5, new double[] {1, 1}, 1, 0.5, false, 0.5, 1)};
    client.call("TaskArithmetic", merge, List.<Object[]>of(args));
    long t0 = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      client.call("TaskArithmetic", merge, List.<Object[]>of(args));
    }
    return rounds / ((System.nanoTime() - t0) / 1e9);
  }

  private static String spread(double[] values, String format) {
    double[] s = values.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "median " + format + " (min " + format + ", max " + format + ")", s[s.length / 2],
        s[0], s[s.length - 1]);
  }
}
