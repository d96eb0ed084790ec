package org.ethoslab.runner.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.ethoslab.contract.hook.HookSources;
import org.ethoslab.contract.hook.LoadReport;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.executor.Executor;
import org.ethoslab.runner.executor.ExecutorException;
import org.ethoslab.runner.executor.ExecutorProvider;
import org.ethoslab.runner.executor.SandboxRequest;
import org.ethoslab.runner.executor.SandboxRole;
import org.ethoslab.runner.executor.StageCommand;
import org.ethoslab.runner.executor.StopSignal;
import org.ethoslab.runner.hooks.HookHostSession;
import org.ethoslab.runner.hooks.HookRelay;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * A job's hook host, from the lifecycle's side: started in a sandbox of its own (its own uid, cgroup and tiny
 * directory; the hook API on its class path and nothing else) while the trainer's sandbox is prepared, relayed to
 * one phase at a time, and judged when it fails: a failure of the host is the student's verdict naming the limit,
 * unless something outside the job killed it.
 */
final class JobHookHost implements AutoCloseable {

  /** How long compiling and loading the student's classes may take. */
  static final Duration LOAD_LIMIT = Duration.ofSeconds(60);
  /** The longest one hook call may take when the job does not say ({@code limits.hookCallSeconds}). */
  static final Duration DEFAULT_CALL_LIMIT = Duration.ofSeconds(60);

  private final Executor executor;
  private final HookHostSession session;
  private final JobLimits limits;
  private final Duration callLimit;
  private final AtomicReference<StopSignal> stage = new AtomicReference<>();
  private volatile Optional<LoadReport> report;

  private JobHookHost(Executor executor, HookHostSession session, JobLimits limits, Duration callLimit) {
    this.executor = executor;
    this.session = session;
    this.limits = limits;
    this.callLimit = callLimit;
  }

  /**
   * Starts the host of {@code job} in {@code slot} under {@code dir} and sends it the student's sources, each with
   * the interface its lab spec names; returns at once (loading goes on while the trainer starts).
   */
  static JobHookHost start(ExecutorProvider provider, int slot, String name, JobInput job, LabSpec spec,
                           JobLimits jobLimits, JobEnvironment env, EventStream events, StopSignal stop, Path dir)
      throws JobFailure, ExecutorException {
    List<HookSources.Source> sources = new ArrayList<>();
    for (Map.Entry<String, String> hook : job.hooks().entrySet()) {
      LabSpec.HookSpec hookSpec = spec.hook(hook.getKey()).orElseThrow(() -> new JobFailure(FailureKind.JOB,
          Outcome.BAD_INPUT, "hooks." + hook.getKey() + ": lab " + spec.id() + " has no hook of that name (known: "
          + String.join(", ", spec.hooks().stream().map(LabSpec.HookSpec::name).toList()) + ")"));
      sources.add(new HookSources.Source(hook.getKey(), hookSpec.interfaceName(), hook.getValue()));
    }
    JobLimits limits = HookHostLimits.of(jobLimits, env.evaluateTimeout().plus(LOAD_LIMIT));
    Executor executor = provider.create(slot, SandboxRole.HOOK_HOST);
    try {
      executor.prepare(new SandboxRequest(name + "-hooks", dir.resolve("sandbox"), dir.resolve("private"), limits,
          env.lab().hookHost().classPath(), slot));
      StageCommand command = new StageCommand(HookHostLimits.jvmOptions(limits, executor.tmpDirInside()),
          env.lab().hookHost().command(), Map.of("HOME", executor.jobDirInside(), "LANG", "C.UTF-8",
              "TMPDIR", executor.tmpDirInside()));
      HookHostSession session = HookHostSession.start(executor.start(command,
          (stderr, line) -> events.studentLine(line), stop), new HookSources(sources));
      Long seconds = job.limits().hookCallSeconds();
      Duration callLimit = seconds == null ? DEFAULT_CALL_LIMIT
          : Duration.ofSeconds(Math.min(seconds, jobLimits.wallTime().toSeconds()));
      JobHookHost host = new JobHookHost(executor, session, limits, callLimit);
      session.onEnd(host::stopStage);
      return host;
    } catch (IOException | RuntimeException e) {
      executor.finish();
      executor.cleanup();
      throw JobFailure.system("The hook host could not be started: " + e.getMessage(), e);
    }
  }

  /** The stage (trainer or evaluator) to stop when the host ends or fails to load from now on. */
  void watch(StopSignal stageStop) {
    stage.set(stageStop);
    if (session.ended()) {
      stopStage();
    }
  }

  private void stopStage() {
    StopSignal current = stage.get();
    if (current != null && session.endedByItself()) {
      current.stop(StopSignal.Reason.HOOK_HOST_ENDED);
    }
  }

  /**
   * Waits for the load report in the background and stops the watched stage when loading failed: a job whose code
   * does not compile does not train.
   */
  void stopStageUnlessLoaded() {
    Thread watcher = new Thread(() -> {
      try {
        report = session.awaitLoaded(LOAD_LIMIT);
        if (report.isEmpty() || report.get().status() != LoadReport.Status.LOADED) {
          StopSignal current = stage.get();
          if (current != null) {
            current.stop(StopSignal.Reason.HOOK_HOST_ENDED);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "hook-host-load");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Relays one phase: a socket at {@code socket} that only {@code ownerUid} (when given) can connect to. */
  HookRelay relay(Path socket, OptionalInt ownerUid) throws JobFailure {
    try {
      return HookRelay.open(socket, ownerUid, session, callLimit);
    } catch (IOException e) {
      throw JobFailure.system("The hook channel could not be opened: " + e.getMessage(), e);
    }
  }

  /**
   * The student's verdict when the host failed (did not load, timed out, ended on its own, broke the channel), or a
   * system failure when something outside killed it; empty while it serves.
   */
  Optional<JobFailure> failure() throws InterruptedException {
    Optional<LoadReport> loaded = report != null ? report : session.awaitLoaded(LOAD_LIMIT);
    report = loaded;
    return HookHostVerdicts.classify(loaded, session, limits, callLimit);
  }

  /** The trainer's and evaluator's argument for {@code --hooks}: the relay's socket as the stage sees it. */
  static String argument(String socketInside) {
    return "socket:" + socketInside;
  }

  /** Calls relayed so far and the time spent in the host, for the log. */
  String stats() {
    return session.stats();
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      executor.finish();
      executor.cleanup();
    }
  }
}
