package org.ethoslab.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the deployment tests find the repository and its built programs. They run in {@code mvn verify} (failsafe,
 * after {@code package}), when the app's fat jar, the runner and the labs distribution all exist.
 */
final class DeploymentTree {

  final Path root;
  final Path docker;
  final Path appJar;
  final Path runnerHome;
  final Path labsHome;

  private DeploymentTree(Path root) {
    this.root = root;
    this.docker = root.resolve("docker");
    this.appJar = root.resolve("app/target/ethoslab-app.jar");
    this.runnerHome = root.resolve("sandbox-runner/target");
    this.labsHome = root.resolve("labs/target");
  }

  /** The checkout this test runs in (the directory above the one holding {@code docker/compose.yaml}). */
  static DeploymentTree locate() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("docker/compose.yaml"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("no docker/compose.yaml above " + Path.of("").toAbsolutePath()).isNotNull();
    return new DeploymentTree(dir);
  }

  /** Fails with the command to run when a program is not built (these tests belong to mvn verify). */
  DeploymentTree requireBuilt() {
    for (Path built : new Path[] {appJar, runnerHome.resolve("ethoslab-runner.jar"), runnerHome.resolve("lib"),
        labsHome.resolve("labs.jar"), labsHome.resolve("lib")}) {
      assertThat(built).as(built + " is missing: run mvn -B verify (or package) from " + root).exists();
    }
    return this;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
