package org.ethoslab.runner.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.ethoslab.contract.job.InvalidJobException;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.contract.runner.ClaimResponse;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.executor.DirectoryTree;
import org.ethoslab.runner.executor.Executor;
import org.ethoslab.runner.executor.ExecutorException;
import org.ethoslab.runner.executor.ExecutorProvider;
import org.ethoslab.runner.executor.SandboxRequest;
import org.ethoslab.runner.executor.SandboxRole;
import org.ethoslab.runner.executor.StageCommand;
import org.ethoslab.runner.executor.StageOutcome;
import org.ethoslab.runner.executor.StopSignal;
import org.ethoslab.runner.gpu.GpuShare;
import org.ethoslab.runner.gpu.TorchNatives;
import org.ethoslab.runner.hooks.HookRelay;
import org.ethoslab.runner.sandbox.IsolationLevel;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * One job, start to verdict, in a fixed order: prepare (the hook host starts loading the student's classes in a
 * sandbox of its own while the trainer's is built) → run (the trainer, sandboxed, calls the hooks over a relayed
 * socket) → collect the artifacts → evaluate (trusted, outside the sandbox, asks the hooks about hidden probes) →
 * upload artifacts. Cleanup always runs. A system failure is
 * retried on this runner up to {@link JobEnvironment#systemRetries()} times; a job failure never is.
 * {@code complete} is the caller's: it also knows about leases.
 */
public final class JobLifecycle {

  private static final Logger LOG = Logger.getLogger(JobLifecycle.class.getName());
  /** The hook socket's name in a stage's channel directory. */
  private static final String SOCKET = "hooks.sock";

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
      JobInput job = parse(claim, input);
      IsolationLevel isolation = provider.features().isolation();
      if (job.carriesStudentCode() && !isolation.containsStudentCode() && !env.allowUnsandboxed()) {
        throw JobFailure.system("This runner has no sandbox (isolation NONE: " + provider.features().detail()
            + ") and refuses to run student code. Install bubblewrap on the runner (apt-get install bubblewrap), or "
            + "for development on your own machine only start it with --allow-unsandboxed.", null);
      }
      JobLimits limits = LimitsPolicy.resolve(input, job, env);
      Optional<GpuShare> device = DevicePolicy.choose(claim, input, gpu, events);
      for (int attempt = 0; ; attempt++) {
        try {
          return runOnce(claim, job, limits, slot, device, attempt, stop, events, artifacts);
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

  /** The job as the claim gives it: the queue's lab, version and id win over whatever the input says. */
  static JobInput parse(ClaimResponse claim, ObjectNode input) throws JobFailure {
    ObjectNode named = input.deepCopy();
    named.put("lab", claim.lab());
    named.put("labVersion", claim.labVersion());
    named.put("jobId", Long.toString(claim.jobId()));
    try {
      return JobInput.parse(named);
    } catch (InvalidJobException e) {
      throw new JobFailure(FailureKind.JOB, Outcome.BAD_INPUT, "The job input is invalid: " + e.getMessage());
    }
  }

  private Verdict runOnce(ClaimResponse claim, JobInput job, JobLimits limits, int slot, Optional<GpuShare> gpu,
                          int attempt, StopSignal stop, EventStream events, ArtifactSink artifacts)
      throws JobFailure, InterruptedException {
    String name = "job-" + claim.jobId() + "-a" + claim.attempt() + "-t" + attempt;
    Path root = env.workDir().resolve("jobs").resolve(name);
    Path sandboxDir = root.resolve("sandbox");
    Path trusted = root.resolve("trusted");
    Path channels = env.channelRoot().resolve(claim.jobId() + "-" + claim.attempt() + "-" + attempt);
    Executor executor = provider.create(slot, SandboxRole.TRAINER);
    JobHookHost hooks = null;
    try {
      models.ensure(job, env, javaHome, limits.cpus(), stop, events);
      events.phase("prepare", "Preparing the sandbox");
      if (job.carriesStudentCode()) {
        LabSpec spec = env.specs().find(claim.lab(), claim.labVersion()).orElseThrow(() -> new JobFailure(
            FailureKind.JOB, Outcome.BAD_INPUT, "This runner has no lab " + claim.lab() + " version "
            + claim.labVersion()));
        hooks = JobHookHost.start(provider, slot, name, job, spec, limits, env, events, stop, root.resolve("hooks"));
      }
      List<Path> readOnly = new ArrayList<>(env.lab().readOnlyPaths());
      env.djlCacheDir().ifPresent(readOnly::add);
      readOnly.add(models.cache());
      TorchNatives.fromEnvironment(System.getenv()).readOnly().ifPresent(readOnly::add);
      Path trainerChannel = hooks == null ? null : JobChannels.create(channels.resolve("trainer"));
      executor.prepare(new SandboxRequest(name, sandboxDir, trusted, limits, readOnly, slot,
          gpu.map(GpuShare::deviceFiles).orElse(List.of()), trainerChannel));
      String inside = executor.jobDirInside();
      JobFiles files = JobFiles.write(json, claim, job, limits, gpu.isPresent() ? "gpu" : "cpu", sandboxDir,
          trusted);
      String tmp = executor.tmpDirInside();
      StopSignal trainerStop = stop.child();
      List<String> hookArgs = List.of("--hooks", "none");
      HookRelay relay = null;
      if (hooks != null) {
        hooks.watch(trainerStop);
        hooks.stopStageUnlessLoaded();
        relay = hooks.relay(trainerChannel.resolve(SOCKET), executor.runsAs());
        hookArgs = List.of("--hooks", JobHookHost.argument(executor.channelDirInside() + "/" + SOCKET));
      }
      events.phase("run", runMessage());
      List<String> command = new ArrayList<>(env.lab().command("run", inside + "/" + JobFiles.JOB_FILE, "--out",
          inside + "/out"));
      command.addAll(hookArgs);
      StageOutcome outcome;
      try {
        outcome = executor.run(new StageCommand(ChildJvm.options(limits, tmp), command,
            ChildJvm.environment(limits, inside, tmp, javaHome, env.djlCacheDir(), models.cache(), gpu)),
            events::childLine, trainerStop);
      } finally {
        executor.finish();
        if (relay != null) {
          relay.close();
        }
      }
      if (stop.stopped()) {
        return stopped(stop);
      }
      throwHostFailure(hooks);
      Optional<JobFailure> failure = VerdictClassifier.classify(outcome, limits);
      if (failure.isPresent()) {
        throw failure.get();
      }
      events.phase("collect", "Collecting the results of your run");
      ArtifactCopier.Copied copied = ArtifactCopier.copy(sandboxDir.resolve("out"), trusted.resolve("artifacts"),
          limits.artifactBytes(), limits.artifactTotalBytes());
      copied.skipped().forEach(skip -> events.childLine(true, "Artifact not collected: " + skip));
      events.phase("evaluate", "Grading the results");
      JsonNode evaluation = evaluate(job, limits, files, trusted, hooks, channels, stop);
      if (stop.stopped()) {
        return stopped(stop);
      }
      if (hooks != null) {
        LOG.info("Job " + claim.jobId() + ": hook host served " + hooks.stats());
      }
      events.phase("upload", "Uploading artifacts");
      upload(copied.files(), trusted.resolve("artifacts"), artifacts, events);
      return Verdict.succeeded(evaluation);
    } catch (ExecutorException e) {
      throw JobFailure.system(e.getMessage(), e);
    } catch (IOException e) {
      throw JobFailure.system("Job files: " + e.getMessage(), e);
    } finally {
      if (hooks != null) {
        hooks.close();
      }
      executor.finish();
      executor.cleanup();
      deleteTree(root);
      deleteTree(channels);
    }
  }

  /** The trusted phase, with the hook host relayed to it on a socket only the evaluator's uid can open. */
  private JsonNode evaluate(JobInput job, JobLimits limits, JobFiles files, Path trusted, JobHookHost hooks,
                            Path channels, StopSignal stop) throws JobFailure, InterruptedException, IOException {
    if (hooks == null) {
      return TrustedEvaluator.evaluate(env, javaHome, limits, files.trustedJob(), trusted.resolve("artifacts"),
          trusted, models.cache(), stop, json, List.of("--hooks", "none"));
    }
    StopSignal evaluatorStop = stop.child();
    hooks.watch(evaluatorStop);
    Path channel = JobChannels.create(channels.resolve("evaluator"));
    JobChannels.handOver(channel, env.evaluatorUid());
    HookRelay relay = hooks.relay(channel.resolve(SOCKET), env.evaluatorUid());
    try {
      return TrustedEvaluator.evaluate(env, javaHome, limits, files.trustedJob(), trusted.resolve("artifacts"),
          trusted, models.cache(), evaluatorStop, json, List.of("--hooks",
              JobHookHost.argument(channel.resolve(SOCKET).toString())));
    } catch (JobFailure failure) {
      throwHostFailure(hooks);
      throw failure;
    } finally {
      relay.close();
    }
  }

  /** When the job's hook host failed, its verdict is the job's, whatever the stage that needed it reported. */
  private static void throwHostFailure(JobHookHost hooks) throws JobFailure, InterruptedException {
    if (hooks != null) {
      Optional<JobFailure> failure = hooks.failure();
      if (failure.isPresent()) {
        throw failure.get();
      }
    }
  }

  /** The run phase's message: plain words about where the code runs, "no sandbox" where there is none. */
  private String runMessage() {
    return provider.features().isolation().containsStudentCode()
        ? "Running your code in its sandbox; the lab trains in a sandbox of its own"
        : "Running your code with NO SANDBOX (development runner: isolation NONE)";
  }

  private static void upload(List<Path> files, Path artifactsDir, ArtifactSink artifacts, EventStream events)
      throws JobFailure, InterruptedException {
    for (Path file : files) {
      if (!file.getParent().equals(artifactsDir)) {
        continue; // nested files serve the trusted evaluation only; the app stores the top level
      }
      String name = file.getFileName().toString();
      try {
        Optional<String> refused = artifacts.upload(name, file);
        if (refused.isPresent()) {
          events.childLine(true, "Artifact " + name + " not stored: " + refused.get());
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

  private static void deleteTree(Path dir) {
    String problem = DirectoryTree.delete(dir);
    if (!problem.isEmpty()) {
      LOG.warning("Could not delete the job directory " + dir + " completely: " + problem);
    }
  }
}
