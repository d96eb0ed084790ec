package org.ethoslab.runner.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.runner.executor.StopSignal;
import org.ethoslab.runner.executor.SupervisedProcess;

/**
 * The specs of the labs this runner can run, from {@code labs specs} (trusted: no student code): what the runner
 * reports in its capabilities ({@code id@version}), publishes to the app's lab catalog, and reads each hook's
 * interface from when it loads a job's hook host.
 *
 * @param specs by {@code id@version}
 */
public record LabSpecs(Map<String, LabSpec> specs) {

  private static final Logger LOG = Logger.getLogger(LabSpecs.class.getName());

  public LabSpecs {
    specs = Map.copyOf(specs);
  }

  /** Asks the labs CLI; none when it cannot tell (logged). */
  public static LabSpecs discover(LabDistribution lab, Path javaHome, Path workDir, ObjectMapper json) {
    List<String> argv = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString(),
        "-Dai.djl.offline=true", "-XX:TieredStopAtLevel=1"));
    argv.addAll(lab.command("specs"));
    Path out = null;
    try {
      // The specs are one JSON document of many kilobytes (starter code): read whole, not as event lines.
      out = Files.createTempFile(workDir, "lab-specs-", ".json");
      SupervisedProcess.Result result = SupervisedProcess.run(new ProcessBuilder(argv).directory(workDir.toFile())
              .redirectOutput(out.toFile()), Duration.ofSeconds(60), 4 << 20, (stderr, line) -> { },
          new StopSignal(), Process::destroyForcibly);
      if (result.exitCode() != 0) {
        LOG.warning("labs specs exited " + result.exitCode() + ": " + result.stderrHead().strip());
        return new LabSpecs(Map.of());
      }
      return parse(Files.readString(out), json);
    } catch (IOException e) {
      LOG.warning("labs specs could not run: " + e.getMessage());
      return new LabSpecs(Map.of());
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException e) {
          LOG.fine("could not remove " + out);
        }
      }
    }
  }

  static LabSpecs parse(String stdout, ObjectMapper json) {
    Map<String, LabSpec> specs = new LinkedHashMap<>();
    try {
      for (LabSpec spec : json.readValue(stdout, LabSpec[].class)) {
        specs.put(key(spec.id(), spec.version()), spec);
      }
    } catch (IOException e) {
      LOG.warning("labs specs printed no list of lab specs: " + e.getMessage());
    }
    return new LabSpecs(specs);
  }

  /** The {@code id@version} ids this runner reports. */
  public List<String> ids() {
    return specs.keySet().stream().sorted().toList();
  }

  public List<LabSpec> all() {
    return specs.values().stream().toList();
  }

  /** The spec of one lab version, if the runner has it. */
  public Optional<LabSpec> find(String id, String version) {
    return Optional.ofNullable(specs.get(key(id, version)));
  }

  private static String key(String id, String version) {
    return id + "@" + version;
  }
}
