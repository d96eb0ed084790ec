package org.ethoslab.runner.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start the labs CLI: the Java launch arguments before its own ({@code run}/{@code evaluate}/{@code list}) and
 * the host paths it reads, which the sandbox binds read-only.
 *
 * @param launch         e.g. {@code [-jar, /opt/ethoslab/labs/labs.jar]} or {@code [-cp, classes, MainClass]}
 * @param readOnlyPaths  what the child JVM must be able to read
 */
public record LabDistribution(List<String> launch, List<Path> readOnlyPaths) {

  public LabDistribution {
    launch = List.copyOf(launch);
    readOnlyPaths = List.copyOf(readOnlyPaths);
  }

  /** The labs CLI as built: {@code labsHome/labs.jar} with its {@code lib/} beside it. */
  public static LabDistribution fromLabsHome(Path labsHome) {
    Path home = labsHome.toAbsolutePath().normalize();
    Path jar = home.resolve("labs.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("--labs-home " + home + " has no labs.jar (build it with: "
          + "mvn -B -pl labs package -DskipTests; then use labs/target)");
    }
    return new LabDistribution(List.of("-jar", jar.toString()), List.of(home));
  }

  /** A main class on a class path: used for the runner's own test fixtures. */
  public static LabDistribution mainClass(List<Path> classPath, String mainClass) {
    List<String> launch = new ArrayList<>();
    launch.add("-cp");
    launch.add(String.join(":", classPath.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()));
    launch.add(mainClass);
    return new LabDistribution(launch, classPath.stream().map(p -> p.toAbsolutePath().normalize()).toList());
  }

  /** The launch arguments followed by the CLI's own. */
  public List<String> command(String... cliArguments) {
    List<String> command = new ArrayList<>(launch);
    command.addAll(List.of(cliArguments));
    return command;
  }
}
