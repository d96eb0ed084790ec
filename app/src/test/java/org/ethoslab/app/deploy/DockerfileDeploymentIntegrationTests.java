package org.ethoslab.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.ethoslab.app.testsupport.RealServices;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What the Dockerfiles and the compose file refer to exists after the Maven build: every {@code COPY} source, the
 * entrypoint scripts the images run (and that CI runs outside Docker), the warm-up class of the runner images, and
 * every {@code ETHOSLAB_RUNNER_*} setting they use is a flag the runner knows. {@code docker/verify.sh} validates
 * {@code compose.yaml} with {@code docker-compose config}.
 */
class DockerfileDeploymentIntegrationTests {

  private static final Pattern COPY = Pattern.compile("^COPY\\s+(--from=(\\S+)\\s+)?(\\S+)\\s+(\\S+)\\s*$");
  private static final Pattern ENTRYPOINT = Pattern.compile("^ENTRYPOINT \\[\"([^\"]+)\"\\]");
  private static final Pattern RUNNER_SETTING = Pattern.compile("ETHOSLAB_RUNNER_([A-Z_]+)");

  private final DeploymentTree tree = DeploymentTree.locate().requireBuilt();

  @ParameterizedTest
  @ValueSource(strings = {"app.Dockerfile", "runner.Dockerfile", "runner-gpu.Dockerfile"})
  void everyCopiedPathExistsAfterTheBuildAndTheEntrypointIsTheCheckedScript(String dockerfile) throws IOException {
    List<String> lines = instructions(tree.docker.resolve(dockerfile));
    List<String> copiedScripts = new ArrayList<>();
    String entrypoint = null;
    for (String line : lines) {
      Matcher copy = COPY.matcher(line);
      if (copy.matches()) {
        String stage = copy.group(2);
        String source = copy.group(3);
        if (stage == null && !source.equals(".")) {
          assertThat(tree.root.resolve(source)).as(dockerfile + ": " + line).exists();
          if (source.startsWith("docker/") && source.endsWith(".sh")) {
            copiedScripts.add(source + " -> " + copy.group(4));
          }
        } else if ("build".equals(stage)) {
          // The build stage runs Maven in /src: the same paths this checkout has after mvn package.
          assertThat(source).startsWith("/src/");
          assertThat(tree.root.resolve(source.substring("/src/".length()))).as(dockerfile + ": " + line).exists();
        }
      }
      Matcher entry = ENTRYPOINT.matcher(line);
      if (entry.find()) {
        entrypoint = entry.group(1);
      }
    }
    assertThat(entrypoint).as(dockerfile + " has an ENTRYPOINT").isNotNull();
    String script = dockerfile.startsWith("app") ? "docker/app-entrypoint.sh" : "docker/runner-entrypoint.sh";
    assertThat(copiedScripts).as(dockerfile + " runs the script CI runs").contains(script + " -> " + entrypoint);
    assertThat(Files.isExecutable(tree.root.resolve(script))).as(script + " is executable").isTrue();
  }

  @Test
  void theRunnerImagesWarmUpWithAClassTheRunnerJarHasAndUseOnlyFlagsItKnows() throws Exception {
    try (ZipFile jar = new ZipFile(tree.runnerHome.resolve("ethoslab-runner.jar").toFile())) {
      for (String dockerfile : List.of("runner.Dockerfile", "runner-gpu.Dockerfile")) {
        String text = Files.readString(tree.docker.resolve(dockerfile));
        Matcher warmup = Pattern.compile("org\\.ethoslab\\.runner\\.(\\w+) \\\\").matcher(text);
        assertThat(warmup.find()).as(dockerfile + " warms the DJL cache at build").isTrue();
        assertThat(jar.getEntry("org/ethoslab/runner/" + warmup.group(1) + ".class")).isNotNull();
        assertThat(text).contains("HEALTHCHECK").contains("/health").contains("ETHOSLAB_RUNNER_HEALTH_PORT=");
      }
    }
    String usage = runnerUsage();
    Set<String> settings = new LinkedHashSet<>();
    for (String file : List.of("runner.Dockerfile", "runner-gpu.Dockerfile", "compose.yaml", "runner-entrypoint.sh")) {
      Matcher setting = RUNNER_SETTING.matcher(Files.readString(tree.docker.resolve(file)));
      while (setting.find()) {
        settings.add(setting.group(1));
      }
    }
    settings.remove("TOKEN"); // --token: the one setting that must come from the environment
    // The app's own ethoslab.runner.* settings in compose.yaml, not the runner's.
    settings.removeIf(name -> name.startsWith("BOOTSTRAP_") || name.startsWith("EMBEDDED_"));
    assertThat(settings).contains("DJL_CACHE", "HEALTH_PORT", "SLOTS", "GPUS", "JOBS_PER_GPU");
    for (String setting : settings) {
      String flag = "--" + setting.toLowerCase().replace('_', '-') + " ";
      assertThat(usage).as("ETHOSLAB_RUNNER_" + setting + " is the runner flag " + flag).contains(flag);
    }
  }

  @Test
  void theAppImageChecksTheActuatorHealthThatIsPublic() throws IOException {
    String text = Files.readString(tree.docker.resolve("app.Dockerfile"));
    assertThat(text).contains("HEALTHCHECK").contains("/actuator/health").contains("ETHOSLAB_QUEUE_ARTIFACTDIR=");
    assertThat(Files.readString(tree.root.resolve("app/src/main/resources/application.properties")))
        .contains("management.endpoints.web.exposure.include=health");
  }

  @Test
  void theAppJarCarriesTheLabContractButNoLabsAndNoDjl() throws IOException {
    List<String> libs = new ArrayList<>();
    try (ZipFile jar = new ZipFile(tree.appJar.toFile())) {
      jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("BOOT-INF/lib/")).forEach(libs::add);
    }
    assertThat(libs).anyMatch(n -> n.startsWith("BOOT-INF/lib/ethoslab-lab-contract-"));
    assertThat(libs).as("the app's lab catalog is what runners publish: it ships no lab engine")
        .noneMatch(n -> n.startsWith("BOOT-INF/lib/ethoslab-labs-"))
        .noneMatch(n -> n.toLowerCase(java.util.Locale.ROOT).contains("djl"))
        .noneMatch(n -> n.startsWith("BOOT-INF/lib/api-0.") || n.startsWith("BOOT-INF/lib/tokenizers-"));
  }

  @Test
  void composeFileParsesWithTheExampleSettings() throws Exception {
    boolean hasCompose = Files.isExecutable(Path.of("/usr/bin/docker-compose"))
        || Files.isExecutable(Path.of("/usr/local/bin/docker-compose"));
    RealServices.assumeAvailable(hasCompose, "docker-compose is not installed (Debian: apt-get install docker-compose)");
    Process verify = new ProcessBuilder(tree.docker.resolve("verify.sh").toString()).redirectErrorStream(true).start();
    String output = new String(verify.getInputStream().readAllBytes());
    assertThat(verify.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(verify.exitValue()).as(output).isZero();
    assertThat(output).contains("compose.yaml: valid");
  }

  private String runnerUsage() throws Exception {
    Process help = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        tree.runnerHome.resolve("ethoslab-runner.jar").toString(), "--help").redirectErrorStream(true).start();
    String usage = new String(help.getInputStream().readAllBytes());
    assertThat(help.waitFor(1, TimeUnit.MINUTES)).isTrue();
    return usage;
  }

  /** Dockerfile instructions with continuation lines joined and comments dropped. */
  private static List<String> instructions(Path dockerfile) throws IOException {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(dockerfile)) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      current.append(line.strip());
      if (line.endsWith("\\")) {
        current.setLength(current.length() - 1);
        current.append(' ');
      } else {
        if (!current.isEmpty()) {
          result.add(current.toString());
        }
        current.setLength(0);
      }
    }
    return result;
  }
}
