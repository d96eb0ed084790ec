package org.ethoslab.runner.executor;

/**
 * Runs one sandboxed process of a job (the trainer, or the hook host), in the shape of GitLab Runner's executor: {@link #prepare}, {@link #run},
 * {@link #finish}, {@link #cleanup}. One instance per job; {@code cleanup} always runs, whatever happened before.
 * An {@link ExecutorException} is a system failure (the platform's fault, retried); everything the child does wrong
 * comes back in the {@link StageOutcome}.
 */
public interface Executor {

  /** Creates the job's sandbox: its writable directory (with {@code out/} inside), cgroups, mounts. */
  void prepare(SandboxRequest request) throws ExecutorException;

  /** Where the job directory appears to the child ({@code /job} inside bubblewrap, the host path for a plain process). */
  String jobDirInside();

  /** The child's temporary directory as it sees it ({@code /tmp} inside bubblewrap, under the job dir otherwise). */
  String tmpDirInside();

  /** The uid the child runs as when it is not the runner's own (a root runner's unprivileged slot uid). */
  java.util.OptionalInt runsAs();

  /** Where the child sees the request's channel directory ({@code /hooks} inside bubblewrap, its host path otherwise). */
  String channelDirInside();

  /**
   * Starts the command in the prepared sandbox, supervised (wall time, output cap, stop requests) once awaited; with
   * {@link SupervisedProcess.Stdio#LINES} its stdout goes to the sink as lines, with
   * {@link SupervisedProcess.Stdio#CHANNEL} stdin and stdout are left to the caller and stderr goes to the sink.
   */
  RunningStage launch(StageCommand command, SupervisedProcess.LineSink sink, StopSignal stop,
                      SupervisedProcess.Stdio stdio) throws ExecutorException;

  /** Runs the command and supervises it (wall time, output cap, stop requests); stdout goes to the sink as lines. */
  default StageOutcome run(StageCommand command, SupervisedProcess.LineSink sink, StopSignal stop)
      throws ExecutorException {
    return launch(command, sink, stop, SupervisedProcess.Stdio.LINES).await();
  }

  /**
   * Starts the command with its stdin and stdout left to the caller as a binary channel (the hook host), stderr to
   * the sink; supervised like {@link #run} once the caller awaits it.
   */
  default RunningStage start(StageCommand command, SupervisedProcess.LineSink stderr, StopSignal stop)
      throws ExecutorException {
    return launch(command, stderr, stop, SupervisedProcess.Stdio.CHANNEL);
  }

  /** After the stage: makes sure nothing of it still runs, so its files can be read without a race. */
  void finish();

  /** Removes what {@link #prepare} created. Safe to call more than once and after a failed prepare. */
  void cleanup();
}
