package org.ethoslab.runner;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone runner: {@code java -jar ethoslab-runner.jar --server URL --token TOKEN [--slots N] …}
 * (see {@link RunnerOptions#USAGE} and the module README). Runs until SIGTERM/SIGINT, then stops its jobs (they
 * run again elsewhere) and exits.
 */
public final class RunnerMain {

  private RunnerMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.print(RunnerOptions.USAGE);
      return;
    }
    RunnerConfig config;
    try {
      config = RunnerOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("ethoslab-runner: " + e.getMessage());
      System.err.print(RunnerOptions.USAGE);
      System.exit(2);
      return;
    }
    EmbeddedRunner runner = new EmbeddedRunner(config);
    try {
      runner.start();
    } catch (IllegalArgumentException e) {
      System.err.println("ethoslab-runner: " + e.getMessage());
      System.exit(2);
      return;
    }
    HealthServer health = null;
    if (config.healthPort() >= 0) {
      try {
        health = new HealthServer(config.healthPort(), runner);
        System.err.println("ethoslab-runner: health on http://127.0.0.1:" + health.port() + "/health");
      } catch (IOException e) {
        System.err.println("ethoslab-runner: --health-port " + config.healthPort() + " unavailable: " + e.getMessage());
        runner.stop();
        System.exit(2);
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    HealthServer healthServer = health;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runner.stop();
      if (healthServer != null) {
        healthServer.close();
      }
      stopped.countDown();
    }, "runner-shutdown"));
    stopped.await();
  }
}
