package org.ethoslab.runner.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.ethoslab.runner.executor.Executor;
import org.ethoslab.runner.executor.ExecutorException;
import org.ethoslab.runner.executor.ExecutorProvider;
import org.ethoslab.runner.executor.SandboxRequest;
import org.ethoslab.runner.executor.StageCommand;
import org.ethoslab.runner.executor.StageOutcome;
import org.ethoslab.runner.executor.StopSignal;
import org.ethoslab.runner.gpu.GpuShare;
import org.ethoslab.runner.gpu.TorchNatives;
import org.ethoslab.runner.protocol.ClaimResponse;
import org.ethoslab.runner.protocol.Outcome;
import org.ethoslab.runner.sandbox.IsolationLevel;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * One job, start to verdict, in a fixed order: prepare → run (untrusted, in the executor's sandbox) → collect the
 * artifacts → evaluate (trusted, outside the sandbox) → upload artifacts. Cleanup always runs. A system failure is
 * retried on this runner up to {@link JobEnvironment#systemRetries()} times; a job failure never is.
 * {@code complete} is the caller's: it also knows about leases.
 */
public final class JobLifecycle {

  private static final Logger LOG = Logger.getLogger(JobLifecycle.class.getName());

  private final JobEnvironment env;
  private final ExecutorProvider provider;
  private final Path javaHome;
  private final ObjectMapper json;
  private final LabModels models;

  public JobLifecycle(JobEnvironment env, ExecutorProvider provider, Path javaHome, ObjectMapper json) {
    this.env = env;
    this.provider = provider;
    this.javaHome = javaHome;
    this.json = json;
    this.models = new LabModels(env.workDir().resolve("model-cache"));
  }

  /** Runs the job in {@code slot} on the CPU; never throws for anything the job does. */
  public Verdict execute(ClaimResponse claim, int slot, StopSignal stop, EventStream events, ArtifactSink artifacts)
      throws InterruptedException {
    return execute(claim, slot, Optional.empty(), stop, events, artifacts);
  }

  /**
   * Runs the job in {@code slot}, on the GPU share {@code gpu} when the job asks for a GPU (compute tier {@code gpu}
   * or {@code resources.device} {@code gpu}) and one is held; never throws for anything the job does.
   */
  public Verdict execute(ClaimResponse claim, int slot, Optional<GpuShare> gpu, StopSignal stop, EventStream events,
                         ArtifactSink artifacts) throws InterruptedException {
    try {
      if (!(claim.input() instanceof ObjectNode input)) {
        throw new JobFailure(FailureKind.JOB, Outcome.BAD_INPUT, "The job input must be a JSON object");
      }
      boolean studentCode = input.path("hooks").isObject() && input.path("hooks").size() > 0;
      IsolationLevel isolation = provider.features().isolation();
      if (studentCode && !isolation.containsStudentCode() && !env.allowUnsandboxed()) {
        throw JobFailure.system("This runner has no sandbox (isolation NONE: " + provider.features().detail()
            + ") and refuses to run student code. Install bubblewrap on the runner, or start it with "
            + "--allow-unsandboxed for development on your own machine only.", null);
      }
      JobLimits limits = LimitsPolicy.resolve(input, env);
      Optional<GpuShare> device = DevicePolicy.choose(claim, input, gpu, events);
      for (int attempt = 0; ; attempt++) {
        try {
          return runOnce(claim, input, limits, studentCode, slot, device, attempt, stop, events, artifacts);
        } catch (JobFailure failure) {
          if (stop.stopped()) {
            return stopped(stop);
          }
          if (failure.kind() != FailureKind.SYSTEM || attempt >= env.systemRetries()) {
            throw failure;
          }
          LOG.warning("Job " + claim.jobId() + ": system failure, retrying: " + failure.getMessage());
          events.phase("retry", "The platform failed (" + failure.getMessage() + "); trying again.");
        }
      }
    } catch (JobFailure failure) {
      events.phase("failed", failure.getMessage());
      return Verdict.of(failure);
    }
  }

  private Verdict runOnce(ClaimResponse claim, ObjectNode input, JobLimits limits, boolean studentCode, int slot,
                          Optional<GpuShare> gpu, int attempt, StopSignal stop, EventStream events,
                          ArtifactSink artifacts)
      throws JobFailure, InterruptedException {
    String name = "job-" + claim.jobId() + "-a" + claim.attempt() + "-t" + attempt;
    Path root = env.workDir().resolve("jobs").resolve(name);
    Path sandboxDir = root.resolve("sandbox");
    Path trusted = root.resolve("trusted");
    Executor executor = provider.create(slot);
    try {
      models.ensure(claim.lab(), env, javaHome, limits.cpus(), stop, events);
      events.phase("prepare", "Preparing the sandbox");
      List<Path> readOnly = new ArrayList<>(env.lab().readOnlyPaths());
      env.djlCacheDir().ifPresent(readOnly::add);
      readOnly.add(models.cache());
      TorchNatives.fromEnvironment(System.getenv()).readOnly().ifPresent(readOnly::add);
      executor.prepare(new SandboxRequest(name, sandboxDir, trusted, limits, readOnly, slot,
          gpu.map(GpuShare::deviceFiles).orElse(List.of())));
      String inside = executor.jobDirInside();
      JobFiles files = JobFiles.write(json, claim, input, limits, gpu.isPresent() ? "gpu" : "cpu", sandboxDir,
          trusted);
      String tmp = executor.tmpDirInside();
      events.phase("run", "Running your code in the sandbox");
      StageOutcome outcome = executor.run(new StageCommand(ChildJvm.options(limits, tmp),
          env.lab().command("run", inside + "/" + JobFiles.JOB_FILE, "--out", inside + "/out"),
          ChildJvm.environment(limits, inside, tmp, javaHome, env.djlCacheDir(), models.cache(), gpu)), events::childLine,
          stop);
      executor.finish();
      if (stop.stopped()) {
        return stopped(stop);
      }
      Optional<JobFailure> failure = VerdictClassifier.classify(outcome, limits, studentCode);
      if (failure.isPresent()) {
        throw failure.get();
      }
      events.phase("collect", "Collecting the results of your run");
      ArtifactCopier.Copied copied = ArtifactCopier.copy(sandboxDir.resolve("out"), trusted.resolve("artifacts"),
          limits.artifactBytes(), limits.artifactTotalBytes());
      copied.skipped().forEach(skip -> events.childLine(true, "Artifact not collected: " + skip));
      events.phase("evaluate", "Grading the results");
      JsonNode evaluation = TrustedEvaluator.evaluate(env, javaHome, limits, files.trustedJob(),
          trusted.resolve("artifacts"), trusted, models.cache(), stop, json);
      if (stop.stopped()) {
        return stopped(stop);
      }
      events.phase("upload", "Uploading artifacts");
      upload(copied.files(), trusted.resolve("artifacts"), artifacts, events);
      return Verdict.succeeded(evaluation);
    } catch (ExecutorException e) {
      throw JobFailure.system(e.getMessage(), e);
    } catch (IOException e) {
      throw JobFailure.system("Job files: " + e.getMessage(), e);
    } finally {
      executor.finish();
      executor.cleanup();
      deleteTree(root);
    }
  }

  private static void upload(List<Path> files, Path artifactsDir, ArtifactSink artifacts, EventStream events)
      throws JobFailure, InterruptedException {
    for (Path file : files) {
      if (!file.getParent().equals(artifactsDir)) {
        continue; // nested files serve the trusted evaluation only; the app stores the top level
      }
      String name = file.getFileName().toString();
      try {
        if (!artifacts.upload(name, file)) {
          events.childLine(true, "Artifact " + name + " not stored: larger than the server accepts");
        }
      } catch (IOException e) {
        throw JobFailure.system("Uploading artifact " + name + " failed: " + e.getMessage(), e);
      }
    }
  }

  private static Verdict stopped(StopSignal stop) {
    return stop.reason() == StopSignal.Reason.CANCELLED ? Verdict.cancelled()
        : new Verdict(Outcome.INFRASTRUCTURE_ERROR, stop.reason() == StopSignal.Reason.LEASE_LOST
            ? "The runner lost the job's lease; the job went back to the queue."
            : "The runner shut down during the run; the job will run again.", null, FailureKind.SYSTEM);
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          LOG.fine("Could not delete " + path + ": " + e.getMessage());
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.warning("Could not delete the job directory " + dir + ": " + e.getMessage());
    }
  }
}
