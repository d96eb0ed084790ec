package org.ethoslab.runner.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.ethoslab.runner.executor.StopSignal;
import org.ethoslab.runner.executor.SupervisedProcess;

/**
 * The labs this runner can run, from {@code labs list} (trusted: no student code), reported in its capabilities.
 * Accepts a JSON array of ids or of {@code {id, version}} objects, or one such object per line.
 */
public final class LabCatalog {

  private static final Logger LOG = Logger.getLogger(LabCatalog.class.getName());

  private LabCatalog() {
  }

  /** The lab ids ({@code id@version} where the CLI says the version); empty when the CLI cannot tell. */
  public static List<String> discover(LabDistribution lab, Path javaHome, Path workDir, ObjectMapper json) {
    List<String> argv = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString(),
        "-Dai.djl.offline=true", "-XX:TieredStopAtLevel=1"));
    argv.addAll(lab.command("list"));
    StringBuilder out = new StringBuilder();
    try {
      SupervisedProcess.Result result = SupervisedProcess.run(new ProcessBuilder(argv).directory(workDir.toFile()),
          Duration.ofSeconds(60), 1 << 20, (stderr, line) -> {
            if (!stderr) {
              synchronized (out) {
                out.append(line).append('\n');
              }
            }
          }, new StopSignal(), Process::destroyForcibly);
      if (result.exitCode() != 0) {
        LOG.warning("labs list exited " + result.exitCode() + ": " + result.stderrHead().strip());
        return List.of();
      }
      return parse(out.toString(), json);
    } catch (IOException e) {
      LOG.warning("labs list could not run: " + e.getMessage());
      return List.of();
    }
  }

  static List<String> parse(String stdout, ObjectMapper json) {
    List<String> ids = new ArrayList<>();
    try {
      JsonNode whole = json.readTree(stdout);
      if (whole != null && whole.isArray()) {
        whole.forEach(node -> add(node, ids));
        return ids;
      }
    } catch (IOException notOneDocument) {
      // One document per line, below.
    }
    for (String line : stdout.lines().toList()) {
      try {
        add(json.readTree(line), ids);
      } catch (IOException notJson) {
        // A human-readable line: skipped.
      }
    }
    return ids;
  }

  private static void add(JsonNode node, List<String> ids) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      ids.add(node.asText());
    } else if (node.isObject() && node.path("id").isTextual()) {
      ids.add(node.path("version").isValueNode() && !node.path("version").asText().isEmpty()
          ? node.get("id").asText() + "@" + node.get("version").asText() : node.get("id").asText());
    }
  }
}
