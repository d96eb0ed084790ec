package org.ethoslab.runner.job;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How to start the labs CLI and the hook host: the Java launch arguments before the CLI's own
 * ({@code run}/{@code evaluate}/{@code specs}) and the host paths each reads, which their sandboxes bind read-only.
 * The two never share a path: the hook host sees the hook API alone, never the labs.
 *
 * @param launch         e.g. {@code [-jar, /opt/ethoslab/labs/labs.jar]} or {@code [-cp, classes, MainClass]}
 * @param readOnlyPaths  what the labs CLI must be able to read
 * @param hookHost       the hook host's class path
 */
public record LabDistribution(List<String> launch, List<Path> readOnlyPaths, HookHost hookHost) {

  /** The hook host's main class (module {@code lab-hooks}). */
  public static final String HOOK_HOST_MAIN = "org.ethoslab.hooks.host.HookHost";

  public LabDistribution {
    launch = List.copyOf(launch);
    readOnlyPaths = List.copyOf(readOnlyPaths);
  }

  /**
   * The hook host's class path: the jars or class folders of the hook API and the contract.
   *
   * @param classPath its entries, bound read-only at the same paths into the host's sandbox
   */
  public record HookHost(List<Path> classPath) {
    public HookHost {
      classPath = classPath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** The launch arguments of the host. */
    public List<String> command() {
      return List.of("-cp", String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()),
          HOOK_HOST_MAIN);
    }
  }

  /** The labs CLI as built: {@code labsHome/labs.jar} with its {@code lib/} beside it, the hook host in {@code hook-host/}. */
  public static LabDistribution fromLabsHome(Path labsHome) {
    Path home = labsHome.toAbsolutePath().normalize();
    Path jar = home.resolve("labs.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("--labs-home " + home + " has no labs.jar (build it with: "
          + "mvn -B -pl labs -am package -DskipTests; then use labs/target)");
    }
    return new LabDistribution(List.of("-jar", jar.toString()), List.of(home), new HookHost(jars(home.resolve(
        "hook-host"))));
  }

  /** A main class on a class path, with the hook host on its own: the runner's own test fixtures. */
  public static LabDistribution mainClass(List<Path> classPath, String mainClass, List<Path> hookHostClassPath) {
    List<String> launch = new ArrayList<>();
    launch.add("-cp");
    launch.add(String.join(":", classPath.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()));
    launch.add(mainClass);
    return new LabDistribution(launch, classPath.stream().map(p -> p.toAbsolutePath().normalize()).toList(),
        new HookHost(hookHostClassPath));
  }

  private static List<Path> jars(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is missing: the labs build puts the hook host's class path there "
          + "(mvn -B -pl labs -am package -DskipTests)");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The same distribution read from other places: every path under a key of {@code moved} (an original folder)
   * is read under its value (a mirror the sandbox can reach).
   */
  public LabDistribution relocated(java.util.Map<Path, Path> moved) {
    if (moved.isEmpty()) {
      return this;
    }
    java.util.function.UnaryOperator<Path> move = path -> {
      for (java.util.Map.Entry<Path, Path> m : moved.entrySet()) {
        if (path.startsWith(m.getKey())) {
          return m.getValue().resolve(m.getKey().relativize(path).toString());
        }
      }
      return path;
    };
    List<String> newLaunch = new ArrayList<>();
    for (String token : launch) {
      List<String> parts = new ArrayList<>();
      for (String part : token.split(File.pathSeparator, -1)) {
        parts.add(part.startsWith("/") ? move.apply(Path.of(part)).toString() : part);
      }
      newLaunch.add(String.join(File.pathSeparator, parts));
    }
    return new LabDistribution(newLaunch, readOnlyPaths.stream().map(move).toList(),
        new HookHost(hookHost.classPath().stream().map(move).toList()));
  }

  /** Every path the labs CLI and the hook host read. */
  public List<Path> sources() {
    List<Path> all = new ArrayList<>(readOnlyPaths);
    hookHost.classPath().stream().filter(p -> all.stream().noneMatch(p::startsWith)).forEach(all::add);
    return all;
  }

  /** The launch arguments followed by the CLI's own. */
  public List<String> command(String... cliArguments) {
    List<String> command = new ArrayList<>(launch);
    command.addAll(List.of(cliArguments));
    return command;
  }
}
