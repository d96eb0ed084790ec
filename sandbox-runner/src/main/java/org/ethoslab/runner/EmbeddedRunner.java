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
import org.ethoslab.contract.runner.RunnerCapabilities;
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
import org.ethoslab.runner.job.LabDistribution;
import org.ethoslab.runner.job.LabSpecs;
import org.ethoslab.runner.loop.RunnerLoop;
import org.ethoslab.runner.loop.RunnerStatus;
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
  private Path workDir;

  public EmbeddedRunner(RunnerConfig config) {
    this.config = config;
  }

  /**
   * Finds directories the sandbox can reach, detects the sandbox, discovers the labs, then starts claiming. Throws
   * {@link IllegalArgumentException} for a bad configuration and {@link IllegalStateException} when student code
   * would have to run unsandboxed as root.
   */
  public synchronized void start() {
    if (loop != null) {
      return;
    }
    ObjectMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    boolean root = ExecutorSettings.runningAsRoot();
    LabDistribution configuredLab = config.labDistribution();
    RunnerDirectories dirs = RunnerDirectories.prepare(config.workDir(), root, configuredLab.sources());
    LabDistribution lab = configuredLab.relocated(dirs.moved());
    workDir = dirs.workDir();
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
    if (isolation == IsolationLevel.NONE && config.allowUnsandboxed() && !provider.features().unprivilegedUser()) {
      provider.close();
      throw new IllegalStateException("Refusing to run student code without a sandbox as root: the runner cannot "
          + "drop its children's privileges here (" + provider.features().detail() + "). Install bubblewrap "
          + "(apt-get install bubblewrap), or util-linux's setpriv, or run the runner as an unprivileged user.");
    }
    boolean studentCode = isolation.containsStudentCode() || config.allowUnsandboxed();
    LOG.info("Isolation " + isolation + ": " + isolation.description() + " (" + provider.features().detail() + ")");
    if (!studentCode) {
      LOG.warning("This runner has NO SANDBOX (" + provider.features().detail() + ") and will refuse every job with "
          + "student code. Install bubblewrap (apt-get install bubblewrap) and restart, or pass --allow-unsandboxed "
          + "(ETHOSLAB_RUNNER_ALLOW_UNSANDBOXED=true) only for development on your own machine.");
    } else if (isolation == IsolationLevel.NONE) {
      LOG.warning("Running student code WITHOUT A SANDBOX (--allow-unsandboxed): only for development on your own "
          + "machine; student code runs as a plain process (" + provider.features().detail() + ").");
    }
    // The labs CLI needs DJL's natives: extracted once into a runner-owned cache, read-only inside the sandbox.
    Optional<Path> djlCache = config.djlCacheDir();
    if (config.lab() == null) {
      Path cache = djlCache.orElse(workDir.resolve("djl-cache")).toAbsolutePath();
      Path labsHome = dirs.moved().getOrDefault(config.labsHome().toAbsolutePath().normalize(),
          config.labsHome().toAbsolutePath().normalize());
      if (DjlCache.ensureWarm(labsHome, cache, settings.javaHome(), workDir)) {
        djlCache = Optional.of(cache);
      }
    }
    LabSpecs specs = LabSpecs.discover(lab, settings.javaHome(), workDir, json);
    List<String> labs = config.labs().isEmpty() ? specs.ids() : config.labs();
    int slotCpus = config.cpus() / config.slots();
    long slotMemory = config.memoryMb() / config.slots();
    JobEnvironment env = new JobEnvironment(lab, workDir, djlCache, config.allowUnsandboxed(), slotCpus,
        slotMemory, config.defaultWall(), config.maxWall(), config.maxWall(), 1,
        provider.features().unprivilegedUser() && root ? OptionalInt.of(settings.firstUid() - 1) : OptionalInt.empty(),
        specs, dirs.channelRoot());
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
        config.runnerId(), studentCode, json, gpus, specs.all());
    loop.start();
    LOG.info("Runner " + config.runnerId() + " started: " + config.slots() + " slot(s) of " + slotCpus + " CPU and "
        + slotMemory + " MB, labs " + labs + ", server " + config.server());
  }

  /**
   * Where the runner keeps its jobs, canary and caches: the configured work directory, or — for a root runner whose
   * work directory its sandboxes could not reach — the runner-owned one it chose instead; null before start.
   */
  public synchronized Path workDir() {
    return workDir;
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
