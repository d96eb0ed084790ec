package org.ethoslab.runner;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ethoslab.runner.gpu.GpuPolicy;

/**
 * The standalone runner's command line. Every {@code --flag-name} has an environment equivalent
 * {@code ETHOSLAB_RUNNER_FLAG_NAME} (so the token need not appear on a command line, where {@code ps} shows it);
 * a flag wins over the environment. Bad values throw {@link IllegalArgumentException} naming the flag.
 */
final class RunnerOptions {

  static final String USAGE = """
      Usage: java -jar ethoslab-runner.jar --server URL --token TOKEN [options]
        --server URL              the EthosLab app (env ETHOSLAB_RUNNER_SERVER)
        --token TOKEN             runner token from the admin page (env ETHOSLAB_RUNNER_TOKEN, or --token-file)
        --token-file PATH         read the token from a file
        --slots N                 jobs at once (default 1)
        --labs-home DIR           directory with labs.jar and lib/ (default labs/target)
        --work-dir DIR            runner-owned directory for job files (default ./runner-work)
        --cpus N                  cores handed to jobs, split between slots (default: all)
        --memory-mb N             memory handed to jobs, split between slots (default: half the machine)
        --djl-cache DIR           pre-warmed DJL cache, bound read-only into the sandbox
        --executor NAME           auto (default), bubblewrap or process
        --allow-unsandboxed       run student code even without a sandbox (development only)
        --runner-id NAME          name in logs and on the fleet page (default: host name)
        --health-port N           serve GET /health on 127.0.0.1:N
        --default-wall-seconds N  wall time of a job that asks for none (default 900)
        --max-wall-seconds N      most wall time a job may ask for (default 7200)
        --labs IDS                comma-separated lab ids to report instead of asking labs.jar list
        --gpus all|N              GPUs to use: all that nvidia-smi lists (default), the first N, or 0 for none
        --jobs-per-gpu N          jobs sharing one GPU at once (default 1)
      Each flag has an environment equivalent: --memory-mb is ETHOSLAB_RUNNER_MEMORY_MB, and so on.
      """;

  private static final Set<String> FLAGS = Set.of("server", "token", "token-file", "slots", "labs-home", "work-dir",
      "cpus", "memory-mb", "djl-cache", "executor", "runner-id", "health-port", "default-wall-seconds",
      "max-wall-seconds", "labs", "gpus", "jobs-per-gpu");
  private static final String SWITCH = "allow-unsandboxed";

  private RunnerOptions() {
  }

  static RunnerConfig parse(String[] args, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String flag : FLAGS) {
      String fromEnv = env.get(envName(flag));
      if (fromEnv != null && !fromEnv.isBlank()) {
        values.put(flag, fromEnv.strip());
      }
    }
    boolean allowUnsandboxed = Boolean.parseBoolean(env.getOrDefault(envName(SWITCH), "false"));
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
      }
      String[] split = arg.substring(2).split("=", 2);
      String name = split[0];
      if (name.equals(SWITCH)) {
        allowUnsandboxed = true;
      } else if (FLAGS.contains(name)) {
        if (split.length == 2) {
          values.put(name, split[1]);
        } else if (i + 1 < args.length) {
          values.put(name, args[++i]);
        } else {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
      } else {
        throw new IllegalArgumentException("Unknown flag --" + name);
      }
    }
    String token = values.get("token");
    if (token == null && values.containsKey("token-file")) {
      try {
        token = Files.readString(Path.of(values.get("token-file"))).strip();
      } catch (IOException e) {
        throw new IllegalArgumentException("--token-file cannot be read: " + e.getMessage(), e);
      }
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("--token (or ETHOSLAB_RUNNER_TOKEN, or --token-file) is required");
    }
    if (!values.containsKey("server")) {
      throw new IllegalArgumentException("--server (or ETHOSLAB_RUNNER_SERVER) is required");
    }
    int slots = integer(values, "slots", 1);
    int cpus = integer(values, "cpus", Math.max(slots, Runtime.getRuntime().availableProcessors()));
    long memory = integer(values, "memory-mb", (int) Math.max(256L * slots, RunnerConfig.physicalMemoryMb() / 2));
    List<String> labs = values.containsKey("labs")
        ? Arrays.stream(values.get("labs").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
        : List.of();
    return new RunnerConfig(uri(values.get("server")), token, values.getOrDefault("runner-id", hostName()), slots,
        Path.of(values.getOrDefault("labs-home", "labs/target")),
        Path.of(values.getOrDefault("work-dir", "runner-work")),
        cpus, memory, allowUnsandboxed, values.getOrDefault("executor", "auto"),
        Optional.ofNullable(values.get("djl-cache")).map(Path::of),
        Duration.ofSeconds(integer(values, "default-wall-seconds", 900)),
        Duration.ofSeconds(integer(values, "max-wall-seconds", 7200)), integer(values, "health-port", -1), labs, null,
        new GpuPolicy(gpus(values), integer(values, "jobs-per-gpu", 1)));
  }

  static String envName(String flag) {
    return "ETHOSLAB_RUNNER_" + flag.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static int gpus(Map<String, String> values) {
    String value = values.getOrDefault("gpus", "all").strip();
    if (value.equalsIgnoreCase("all")) {
      return GpuPolicy.ALL;
    }
    int count = integer(values, "gpus", GpuPolicy.ALL);
    if (count < 0) {
      throw new IllegalArgumentException("--gpus must be 'all' or a whole number from 0, was '" + value + "'");
    }
    return count;
  }

  private static int integer(Map<String, String> values, String flag, int fallback) {
    String value = values.get(flag);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + flag + " must be a whole number, was '" + value + "'");
    }
  }

  private static URI uri(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--server is not a URL: " + e.getMessage(), e);
    }
  }

  private static String hostName() {
    String host = System.getenv("HOSTNAME");
    if (host != null && !host.isBlank()) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "runner";
    }
  }
}
