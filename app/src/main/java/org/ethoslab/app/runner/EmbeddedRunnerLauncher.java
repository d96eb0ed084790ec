package org.ethoslab.app.runner;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.ethoslab.runner.EmbeddedRunner;
import org.ethoslab.runner.RunnerConfig;
import org.ethoslab.runner.loop.RunnerStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Starts the sandbox-runner inside the app once the web server is up, so the default profile is one command: the app
 * registers a fresh internal token for it at every start and the runner claims over HTTP on the app's own port, like
 * any other runner.
 *
 * <p>Student code never runs without a sandbox by accident. Only when both hold may the embedded runner run it at
 * isolation NONE (bubblewrap missing or not working): the app listens on loopback alone, and
 * {@code ethoslab.runner.allow-unsandboxed} ({@code ETHOSLAB_RUNNER_ALLOW_UNSANDBOXED=true}) is set. Loopback alone is
 * not enough: a reverse proxy on the same host makes a loopback app public. Otherwise student code is refused at NONE,
 * here (by the runner) and in the queue (which gives such jobs only to runners allowed to run them), and lab pages say
 * how to install bubblewrap. Even when allowed, the runner runs it unprivileged and refuses to start as root when it
 * cannot drop privileges.
 */
public class EmbeddedRunnerLauncher implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  /** The explicit development setting ({@code ETHOSLAB_RUNNER_ALLOW_UNSANDBOXED}). */
  static final String ALLOW_UNSANDBOXED = "ethoslab.runner.allow-unsandboxed";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRunnerLauncher.class);

  private final RunnerRegistry registry;
  private final EmbeddedRunnerProperties properties;
  private final Environment environment;
  private final Object lock = new Object();
  private EmbeddedRunner runner;
  private boolean started;
  private boolean closed;
  private volatile boolean localOnly;
  private volatile boolean unsandboxedAllowed;
  private volatile String startFailure;

  EmbeddedRunnerLauncher(RunnerRegistry registry, EmbeddedRunnerProperties properties, Environment environment) {
    this.registry = registry;
    this.properties = properties;
    this.environment = environment;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    Integer port = environment.getProperty("local.server.port", Integer.class);
    synchronized (lock) {
      if (port == null || started || closed) {
        return;
      }
      started = true;
    }
    String address = environment.getProperty("server.address");
    localOnly = isLoopback(address);
    boolean setting = environment.getProperty(ALLOW_UNSANDBOXED, Boolean.class, false);
    unsandboxedAllowed = allowsUnsandboxed(address, setting);
    if (setting && !unsandboxedAllowed) {
      log.warn("{}=true is ignored: this app listens on {} and is reachable from other machines, so student code "
          + "runs only in a sandbox", ALLOW_UNSANDBOXED,
          address == null || address.isBlank() ? "every address" : address);
    }
    String host = address == null || address.isBlank() || isWildcard(address) ? "127.0.0.1" : address;
    URI server = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    String token = registry.registerInternal(properties.name(), unsandboxedAllowed).token();
    RunnerConfig config = RunnerConfig.embedded(server, token, properties.slots(), properties.labsHomePath(),
        properties.workDirPath(), unsandboxedAllowed);
    EmbeddedRunner candidate = new EmbeddedRunner(config);
    // The canary run takes a few seconds; the web UI is usable meanwhile.
    Thread starter = new Thread(() -> start(candidate), "embedded-runner-start");
    starter.setDaemon(true);
    starter.start();
  }

  private void start(EmbeddedRunner candidate) {
    try {
      candidate.start();
      synchronized (lock) {
        if (closed) {
          // The app shut down while the runner was still detecting its sandbox.
          candidate.stop();
          return;
        }
        runner = candidate;
      }
      RunnerStatus status = candidate.status();
      if (status != null && "NONE".equals(status.isolation())) {
        log.warn(unsandboxedMessage(status.studentCode(), localOnly));
      }
    } catch (RuntimeException e) {
      startFailure = e.getMessage();
      log.error("The embedded runner did not start, so lab jobs wait in the queue until a runner claims them: {}. "
          + "Build the labs first (mvn -B -q -DskipTests package), set ethoslab.runner.embedded.labs-home, or "
          + "register a standalone runner under Admin → Runners.", e.getMessage());
    }
  }

  /** What the embedded runner is doing, when it started. */
  public Optional<RunnerStatus> status() {
    EmbeddedRunner current;
    synchronized (lock) {
      current = runner;
    }
    return current == null ? Optional.empty() : Optional.ofNullable(current.status());
  }

  /**
   * True when student code runs without a sandbox here (isolation NONE, allowed by the setting on a loopback-only
   * install): lab pages show a banner saying so and how to install bubblewrap.
   */
  public boolean studentCodeRunsUnsandboxed() {
    return status().map(s -> "NONE".equals(s.isolation()) && s.studentCode()).orElse(false);
  }

  /**
   * True when the embedded runner has no sandbox and therefore refuses student code: lab pages say the code cannot
   * run here and how to install bubblewrap.
   */
  public boolean studentCodeRefused() {
    return status().map(s -> "NONE".equals(s.isolation()) && !s.studentCode()).orElse(false);
  }

  /** Whether this start allows student code without a sandbox (loopback and the explicit setting). */
  public boolean unsandboxedAllowed() {
    return unsandboxedAllowed;
  }

  /**
   * The rule: student code may run without a sandbox only when the app listens on a loopback address and the
   * explicit development setting is on.
   */
  static boolean allowsUnsandboxed(String serverAddress, boolean setting) {
    return setting && isLoopback(serverAddress);
  }

  private static String unsandboxedMessage(boolean studentCode, boolean localOnly) {
    if (studentCode) {
      return "\n*** Student code runs WITHOUT A SANDBOX (" + ALLOW_UNSANDBOXED + "=true on a localhost-only app):"
          + " only for trying the platform on your own machine. Install bubblewrap (apt-get install bubblewrap) and"
          + " restart to sandbox it. ***";
    }
    return "\n*** The embedded runner has NO SANDBOX and refuses every job with student code. Install bubblewrap"
        + " (apt-get install bubblewrap) and restart"
        + (localOnly ? ", or, only for development on your own machine, set ETHOSLAB_RUNNER_ALLOW_UNSANDBOXED=true."
            : ", or run standalone runners on machines that have it.") + " ***";
  }

  /** Why the embedded runner is not running, or empty when it runs (or is still starting). */
  public Optional<String> startFailure() {
    return Optional.ofNullable(startFailure);
  }

  @Override
  public void destroy() {
    EmbeddedRunner current;
    synchronized (lock) {
      closed = true;
      current = runner;
      runner = null;
    }
    if (current != null) {
      // Jobs it was running go back to the queue when their leases run out.
      current.stop();
    }
  }

  private static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isWildcard(String address) {
    try {
      return InetAddress.getByName(address).isAnyLocalAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
