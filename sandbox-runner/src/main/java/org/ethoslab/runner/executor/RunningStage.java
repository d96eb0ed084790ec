package org.ethoslab.runner.executor;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * A stage started with {@link Executor#start}: a sandboxed child whose stdin and stdout are a binary channel (the
 * hook host's), supervised like any stage. {@link #await} returns once it exited or was killed.
 */
public final class RunningStage {

  private final SupervisedProcess.Running process;
  private final Function<SupervisedProcess.Result, StageOutcome> outcome;

  RunningStage(SupervisedProcess.Running process, Function<SupervisedProcess.Result, StageOutcome> outcome) {
    this.process = process;
    this.outcome = outcome;
  }

  public OutputStream stdin() {
    return process.stdin();
  }

  public InputStream stdout() {
    return process.stdout();
  }

  public boolean alive() {
    return process.alive();
  }

  /** Kills the stage for a limit the runner watches (e.g. a hook call that never returned); the reason is kept. */
  public void kill(String reason) {
    process.kill(reason);
  }

  /** Supervises until the stage ended; what the runner observed of it. */
  public StageOutcome await() {
    return outcome.apply(process.await());
  }
}
