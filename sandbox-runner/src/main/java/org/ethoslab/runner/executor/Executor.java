package org.ethoslab.runner.executor;

/**
 * Runs the untrusted stage of one job, in the shape of GitLab Runner's executor: {@link #prepare}, {@link #run},
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

  /** Runs the untrusted command and supervises it (wall time, output cap, stop requests). */
  StageOutcome run(StageCommand command, SupervisedProcess.LineSink sink, StopSignal stop) throws ExecutorException;

  /** After the stage: makes sure nothing of it still runs, so its files can be read without a race. */
  void finish();

  /** Removes what {@link #prepare} created. Safe to call more than once and after a failed prepare. */
  void cleanup();
}
