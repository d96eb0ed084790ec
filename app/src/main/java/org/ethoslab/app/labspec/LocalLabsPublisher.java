package org.ethoslab.app.labspec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.runner.job.LabDistribution;
import org.ethoslab.runner.job.LabSpecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At start, publishes the specs of the labs.jar the embedded runner runs ({@code ethoslab.runner.embedded.labs-home},
 * default {@code labs/target}), so that lab pages work from the first request instead of after the runner's canary.
 * It runs while the context is built (before the curriculum import, which runs once every bean exists), asks the labs
 * CLI ({@code labs.jar specs}, trusted project code) and publishes through {@link PublishedLabs} like a runner would.
 * Without a labs.jar (the Docker app image) the specs come from the runners that connect.
 */
@Component
class LocalLabsPublisher implements InitializingBean {

  /** {@code published_by} of the specs the app publishes itself. */
  static final String PUBLISHER = "app:labs-home";

  private static final Logger log = LoggerFactory.getLogger(LocalLabsPublisher.class);
  /**
   * What {@code labs.jar specs} printed, per jar path, size and modification time: the many Spring contexts of one
   * test JVM start the CLI once, and a rebuilt jar is asked again.
   */
  private static final Map<JarVersion, List<LabSpec>> DISCOVERED = new ConcurrentHashMap<>();

  private final PublishedLabs labs;
  private final Path labsHome;

  LocalLabsPublisher(PublishedLabs labs, @Value("${ethoslab.runner.embedded.labs-home:labs/target}") String labsHome) {
    this.labs = labs;
    this.labsHome = Path.of(labsHome).toAbsolutePath().normalize();
  }

  @Override
  public void afterPropertiesSet() {
    Path jar = labsHome.resolve("labs.jar");
    if (!Files.isRegularFile(jar)) {
      log.info("No labs.jar in {}: lab specs will come from the runners, each publishes its labs when it starts",
          labsHome);
      return;
    }
    List<LabSpec> specs = DISCOVERED.computeIfAbsent(JarVersion.of(jar), version -> discover(jar));
    if (specs.isEmpty()) {
      log.warn("{} listed no lab specs (see the warning above); lab specs will come from the runners", jar);
      return;
    }
    try {
      PublishedLabs.Publication done = labs.publish(specs, PUBLISHER);
      log.info("Lab catalog: {} lab spec(s) of {} published ({} new or changed): {}", done.received(), jar,
          done.changed(), specs.stream().map(s -> s.id() + "@" + s.version()).toList());
    } catch (IllegalArgumentException e) {
      // The app still starts: its pages say which labs no runner offers, and runners may publish valid specs.
      log.error("The lab specs of {} were refused: {}", jar, e.getMessage());
    }
  }

  private List<LabSpec> discover(Path jar) {
    // Only the jar is needed to list specs; the hook host's class path matters for runs, not here.
    LabDistribution distribution = new LabDistribution(List.of("-jar", jar.toString()), List.of(labsHome),
        new LabDistribution.HookHost(List.of()));
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path workDir = Path.of(System.getProperty("java.io.tmpdir"));
    return LabSpecs.discover(distribution, javaHome, workDir, ContractJson.MAPPER).all().stream()
        .sorted(Comparator.comparing(LabSpec::id).thenComparing(LabSpec::version, LabVersions.OLDEST_FIRST))
        .toList();
  }

  /** A labs.jar as it is on disk now. */
  private record JarVersion(Path jar, long size, FileTime modified) {
    static JarVersion of(Path jar) {
      try {
        return new JarVersion(jar, Files.size(jar), Files.getLastModifiedTime(jar));
      } catch (IOException e) {
        return new JarVersion(jar, -1, FileTime.fromMillis(0));
      }
    }
  }
}
