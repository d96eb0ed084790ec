package org.ethoslab.runner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;
import org.ethoslab.runner.client.RetryPolicy;
import org.ethoslab.runner.client.RunnerApiClient;
import org.ethoslab.runner.executor.ExecutorProvider;
import org.ethoslab.runner.executor.ExecutorRegistry;
import org.ethoslab.runner.executor.ExecutorSettings;
import org.ethoslab.runner.gpu.GpuInventory;
import org.ethoslab.runner.gpu.GpuShares;
import org.ethoslab.runner.job.DjlCache;
import org.ethoslab.runner.job.JobEnvironment;
import org.ethoslab.runner.job.JobLifecycle;
import org.ethoslab.runner.job.LabCatalog;
import org.ethoslab.runner.job.LabDistribution;
import org.ethoslab.runner.loop.RunnerLoop;
import org.ethoslab.runner.loop.RunnerStatus;
import org.ethoslab.runner.protocol.RunnerCapabilities;
import org.ethoslab.runner.sandbox.IsolationLevel;

/**
 * A runner to start and stop from another program (the app's default profile) or from {@link RunnerMain}. Start
 * detects the isolation level with a canary run, discovers the labs, and starts one claiming thread per slot.
 */
public final class EmbeddedRunner implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedRunner.class.getName());
  /** This runner's version, reported in its capabilities. */
  public static final String VERSION = "0.1.0";

  private final RunnerConfig config;
  private ExecutorProvider provider;
  private RunnerLoop loop;

  public EmbeddedRunner(RunnerConfig config) {
    this.config = config;
  }

  /** Detects the sandbox, then starts claiming. Throws {@link IllegalArgumentException} for a bad configuration. */
  public synchronized void start() {
    if (loop != null) {
      return;
    }
    LabDistribution lab = config.labDistribution();
    Path workDir = config.workDir().toAbsolutePath().normalize();
    ObjectMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    try {
      Files.createDirectories(workDir.resolve("jobs"));
    } catch (IOException e) {
      throw new IllegalArgumentException("--work-dir " + workDir + " cannot be created: " + e.getMessage(), e);
    }
    StaleJobDirectories.sweep(workDir.resolve("jobs"));
    ExecutorSettings settings = ExecutorSettings.defaults(config.slots(), workDir);
    provider = config.executor().equals("auto") ? ExecutorRegistry.detect(settings)
        : ExecutorRegistry.create(config.executor(), settings);
    IsolationLevel isolation = provider.features().isolation();
    boolean studentCode = isolation.containsStudentCode() || config.allowUnsandboxed();
    LOG.info("Isolation " + isolation + ": " + isolation.description() + " (" + provider.features().detail() + ")");
    if (!studentCode) {
      LOG.warning("This runner has NO SANDBOX and will refuse every job with student code. Install bubblewrap "
          + "(apt-get install bubblewrap) and restart, or pass --allow-unsandboxed (ETHOSLAB_RUNNER_ALLOW_UNSANDBOXED"
          + "=true) only for development on your own machine.");
    } else if (isolation == IsolationLevel.NONE) {
      LOG.warning("Running student code WITHOUT A SANDBOX (--allow-unsandboxed): only for development on your own "
          + "machine; student code can read and write everything this runner can.");
    }
    // The labs CLI needs DJL's natives: extracted once into a runner-owned cache, read-only inside the sandbox.
    Optional<Path> djlCache = config.djlCacheDir();
    if (config.lab() == null) {
      Path cache = djlCache.orElse(workDir.resolve("djl-cache")).toAbsolutePath();
      if (DjlCache.ensureWarm(config.labsHome().toAbsolutePath().normalize(), cache, settings.javaHome(), workDir)) {
        djlCache = Optional.of(cache);
      }
    }
    List<String> labs = config.labs().isEmpty()
        ? LabCatalog.discover(lab, settings.javaHome(), workDir, json) : config.labs();
    int slotCpus = config.cpus() / config.slots();
    long slotMemory = config.memoryMb() / config.slots();
    JobEnvironment env = new JobEnvironment(lab, workDir, djlCache, config.allowUnsandboxed(), slotCpus,
        slotMemory, config.defaultWall(), config.maxWall(), config.maxWall(), 1,
        provider.features().unprivilegedUser() ? OptionalInt.of(settings.firstUid() - 1) : OptionalInt.empty());
    GpuShares gpus = config.gpu().shares(GpuInventory::detect);
    GpuInventory gpuInventory = gpus.inventory();
    if (gpuInventory.count() > 0) {
      LOG.info("GPUs: " + gpuInventory.count() + " of " + gpuInventory.memoryMb() + " MB (smallest), "
          + gpus.jobsPerGpu() + " job(s) each; GPU-tier work is claimed only while a GPU has room");
      if (config.slots() < gpuInventory.count() * gpus.jobsPerGpu()) {
        LOG.warning(config.slots() + " slot(s) cannot keep " + gpuInventory.count() + " GPU(s) busy at "
            + gpus.jobsPerGpu() + " job(s) each: raise --slots");
      }
    }
    RunnerCapabilities capabilities = new RunnerCapabilities(config.cpus(), config.memoryMb(), gpuInventory.count(),
        gpuInventory.memoryMb(), labs, isolation.name(), config.slots(), VERSION);
    RunnerApiClient client = new RunnerApiClient(config.server(), config.token(), json, RetryPolicy.DEFAULT);
    loop = new RunnerLoop(client, provider, new JobLifecycle(env, provider, settings.javaHome(), json), capabilities,
        config.runnerId(), studentCode, json, gpus);
    loop.start();
    LOG.info("Runner " + config.runnerId() + " started: " + config.slots() + " slot(s) of " + slotCpus + " CPU and "
        + slotMemory + " MB, labs " + labs + ", server " + config.server());
  }

  /** What the runner is doing; null before {@link #start()}. */
  public synchronized RunnerStatus status() {
    return loop == null ? null : loop.status();
  }

  /** Cancels a running job from this side; false when it does not run here. */
  public synchronized boolean cancel(long jobId) {
    return loop != null && loop.cancel(jobId);
  }

  /** Stops claiming, stops the running jobs (the app runs them again) and removes the runner's cgroups. */
  public synchronized void stop() {
    if (loop != null) {
      loop.stop();
      loop = null;
    }
    if (provider != null) {
      provider.close();
      provider = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
