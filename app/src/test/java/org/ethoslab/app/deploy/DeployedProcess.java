package org.ethoslab.app.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One entrypoint script run as its own process, its output in a log file. The scripts {@code exec} java, so the
 * process is the JVM itself: its resident memory is the program's.
 */
final class DeployedProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private final long startedNanos = System.nanoTime();

  private DeployedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code script} with exactly {@code env} (nothing inherited) in {@code workDir}. */
  static DeployedProcess start(String name, Path script, Map<String, String> env, Path workDir, Path log)
      throws IOException {
    return start(name, List.of(script.toString()), env, workDir, log);
  }

  /** Starts {@code command} with exactly {@code env} (nothing inherited) in {@code workDir}. */
  static DeployedProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    return new DeployedProcess(name, builder.start(), log);
  }

  boolean alive() {
    return process.isAlive();
  }

  double secondsSinceStart() {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  /** Resident set size in MB, from {@code /proc/<pid>/status}. */
  long rssMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    throw new IOException("no VmRSS for " + name);
  }

  /** The last lines of the log, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return name + " log (" + log + "):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
          lines.size()));
    } catch (IOException e) {
      return name + " log unreadable: " + e.getMessage();
    }
  }

  String logText() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** SIGTERM (both programs shut down cleanly on it), then SIGKILL after 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
