package org.ethoslab.runner.job;

import java.time.Duration;
import java.util.Optional;
import org.ethoslab.contract.hook.LoadReport;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.executor.StageOutcome;
import org.ethoslab.runner.hooks.HookHostSession;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * Whose fault it is when the hook host fails. The host runs nothing but student code, so its own failures are the
 * student's verdict, naming the limit; the exception is a kill signal the runner did not send: the host's sandbox
 * cannot send itself SIGKILL or SIGTERM (the seccomp filter refuses it), so such a signal came from outside the
 * job — an operator, the machine — and is a system failure, retried and never charged.
 */
final class HookHostVerdicts {

  private HookHostVerdicts() {
  }

  static Optional<JobFailure> classify(Optional<LoadReport> report, HookHostSession session, JobLimits limits,
                                       Duration callLimit) throws InterruptedException {
    if (report.isPresent() && report.get().status() != LoadReport.Status.LOADED) {
      return Optional.of(loadFailure(report.get()));
    }
    Optional<String> late = session.timedOutHook();
    if (late.isPresent()) {
      return late.get().startsWith("(")
          ? job(Outcome.TIME_LIMIT_EXCEEDED, "Compiling and loading your code took longer than "
              + JobHookHost.LOAD_LIMIT.toSeconds() + " s (a static initializer or constructor that never returns?)")
          : job(Outcome.TIME_LIMIT_EXCEEDED, "Your hook " + late.get() + " did not answer within "
              + callLimit.toSeconds() + " s (the limit of one call) and was stopped.");
    }
    Optional<String> broken = session.protocolProblem();
    if (broken.isPresent()) {
      return job(Outcome.RUNTIME_ERROR, "Your code wrote to the hook channel, which only the platform may use ("
          + broken.get() + "). Print with System.out or System.err instead.");
    }
    if (!session.endedByItself() && report.isPresent()) {
      return Optional.empty();
    }
    return Optional.of(ended(session.outcome(), report.isPresent(), limits));
  }

  static JobFailure loadFailure(LoadReport report) {
    String first = report.problems().isEmpty() ? "no message" : report.problems().get(0).describe();
    String more = report.problems().size() > 1 ? " (and " + (report.problems().size() - 1) + " more)" : "";
    return switch (report.status()) {
      case COMPILE_ERROR, NOT_A_HOOK -> new JobFailure(FailureKind.JOB, Outcome.COMPILE_ERROR,
          "Your code did not compile: " + first + more);
      default -> new JobFailure(FailureKind.JOB, Outcome.RUNTIME_ERROR,
          "Your code threw an error while it was loaded: " + first);
    };
  }

  /** The host's stage ended before the runner closed it. */
  private static JobFailure ended(StageOutcome stage, boolean wasLoaded, JobLimits limits) {
    int exit = stage.process().exitCode();
    String when = wasLoaded ? " while the lab was still calling it" : " before it had loaded your classes";
    if (stage.setupFailed()) {
      return JobFailure.system("The sandbox of your code could not be started: " + stage.setupDetail(), null);
    }
    if (stage.process().outputExceeded()) {
      return student(Outcome.OUTPUT_LIMIT_EXCEEDED, "Your code printed more than "
          + VerdictClassifier.size(limits.outputBytes()) + " of output and was stopped. Print less.");
    }
    if (stage.oomKilled()) {
      return memory(limits);
    }
    // A thread the JVM cannot start is an OutOfMemoryError too (exit 3): the process count is the limit then.
    if (exit != 0 && stage.pidsLimitHit()) {
      return student(Outcome.RUNTIME_ERROR, "Your code tried to start more than " + limits.maxProcesses()
          + " processes and threads (the limit) and failed.");
    }
    if (exit == VerdictClassifier.OUT_OF_MEMORY) {
      return memory(limits);
    }
    boolean cpuSpent = stage.cpuMicros().isPresent() && stage.cpuMicros().getAsLong() >= limits.cpuSeconds() * 950_000L;
    if (exit == VerdictClassifier.SIGXCPU || (exit == VerdictClassifier.SIGKILL && cpuSpent)) {
      return student(Outcome.CPU_LIMIT_EXCEEDED, "Your code used more than " + limits.cpuSeconds()
          + " s of CPU time and was stopped.");
    }
    if (stage.process().timedOut()) {
      return student(Outcome.TIME_LIMIT_EXCEEDED, "Your code was still running when the job's time limit of "
          + limits.wallTime().toSeconds() + " s ran out.");
    }
    if (exit == VerdictClassifier.SIGKILL || exit == VerdictClassifier.SIGTERM || exit < 0) {
      return JobFailure.system("The process that runs your code was killed from outside the job ("
          + VerdictClassifier.signalName(exit) + ")", null);
    }
    if (exit > 128 && exit < 160) {
      return student(Outcome.RUNTIME_ERROR, "Your code crashed its process (" + VerdictClassifier.signalName(exit)
          + ")" + when + ".");
    }
    return student(Outcome.RUNTIME_ERROR, "Your code ended its process (exit code " + exit + ")" + when
        + " — for example by calling System.exit.");
  }

  private static JobFailure memory(JobLimits limits) {
    return student(Outcome.MEMORY_LIMIT_EXCEEDED, "Your code needed more than its " + limits.memoryMb()
        + " MB of memory (" + limits.heapMb() + " MB Java heap) and was stopped.");
  }

  private static JobFailure student(Outcome outcome, String message) {
    return new JobFailure(FailureKind.JOB, outcome, message);
  }

  private static Optional<JobFailure> job(Outcome outcome, String message) {
    return Optional.of(student(outcome, message));
  }
}
