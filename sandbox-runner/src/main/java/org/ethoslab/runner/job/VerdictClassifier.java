package org.ethoslab.runner.job;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ethoslab.contract.job.LabExit;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.executor.StageOutcome;
import org.ethoslab.runner.executor.SupervisedProcess;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * Turns what the runner observed of the trainer ({@code labs run}, project code only) into a verdict. The runner's
 * own evidence comes first: its wall timer, bwrap's status, the cgroup's OOM counter and CPU time. A limit the job's
 * parameters ran into is the student's verdict, naming the limit; the lab's own failures — an internal error, an
 * unexpected signal, too much printing — are the platform's. Failures of student code reach the trainer only as
 * answers of the hook channel; the trainer reports them with {@link LabExit#STUDENT_CODE_FAILED}, and when the
 * channel itself was lost the hook host's verdict ({@link HookHostVerdicts}) is asked first.
 */
final class VerdictClassifier {

  static final int BAD_INPUT = LabExit.BAD_INPUT.code();
  static final int OUT_OF_MEMORY = LabExit.OUT_OF_MEMORY.code();
  static final int SIGKILL = 128 + 9;
  static final int SIGTERM = 128 + 15;
  static final int SIGXCPU = 128 + 24;
  private static final int MAX_MESSAGE = 600;
  private static final Pattern KIND_LINE = Pattern.compile("^([A-Z_]{3,40}): (.*)$");
  private static final Map<Integer, String> SIGNALS = Map.of(4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE",
      9, "SIGKILL", 11, "SIGSEGV", 13, "SIGPIPE", 15, "SIGTERM", 24, "SIGXCPU", 25, "SIGXFSZ");

  private VerdictClassifier() {
  }

  static Optional<JobFailure> classify(StageOutcome stage, JobLimits limits) {
    SupervisedProcess.Result run = stage.process();
    if (run.timedOut()) {
      return job(Outcome.TIME_LIMIT_EXCEEDED, "Your run took longer than its time limit of "
          + limits.wallTime().toSeconds() + " s and was stopped.");
    }
    if (stage.setupFailed()) {
      return Optional.of(JobFailure.system("The sandbox could not be started: "
          + trim(stage.setupDetail().isBlank() ? "bubblewrap exited " + run.exitCode() : stage.setupDetail()), null));
    }
    if (run.outputExceeded()) {
      return Optional.of(JobFailure.system("The lab printed more than " + size(limits.outputBytes())
          + " of events and was stopped", null));
    }
    if (stage.oomKilled()) {
      return job(Outcome.MEMORY_LIMIT_EXCEEDED, "Your run used more than " + limits.memoryMb()
          + " MB of memory and was stopped. Choose smaller parameters.");
    }
    int exit = run.exitCode();
    boolean cpuSpent = stage.cpuMicros().isPresent()
        && stage.cpuMicros().getAsLong() >= limits.cpuSeconds() * 950_000L;
    if (exit == SIGXCPU || (exit == SIGKILL && cpuSpent)) {
      return job(Outcome.CPU_LIMIT_EXCEEDED, "Your run used more than " + limits.cpuSeconds()
          + " s of CPU time and was stopped.");
    }
    String message = orNone(message(run.stderrHead()));
    Optional<LabExit> known = LabExit.of(exit);
    if (known.isEmpty()) {
      return Optional.of(JobFailure.system(exit > 128 && exit < 160
          ? "The lab's process was stopped by " + signalName(exit) + " from outside the job"
          : "The lab ended with exit code " + exit + ": " + message, null));
    }
    return switch (known.get()) {
      case OK -> Optional.empty();
      case OUT_OF_MEMORY -> job(Outcome.MEMORY_LIMIT_EXCEEDED, "Your run needed more than its " + limits.heapMb()
          + " MB Java heap (of " + limits.memoryMb() + " MB memory) and was stopped (OutOfMemoryError). Choose "
          + "smaller parameters.");
      case BAD_INPUT -> job(Outcome.BAD_INPUT, "The lab rejected the input: " + message);
      case COMPILE_ERROR -> job(Outcome.COMPILE_ERROR, "Your code did not compile: " + message);
      case STUDENT_CODE_FAILED -> job(Outcome.RUNTIME_ERROR, "Your code failed: " + message);
      case HOOK_CHANNEL_LOST -> Optional.of(JobFailure.system("The lab lost the connection to your code's process, "
          + "which was still running: " + message, null));
      case INTERNAL_ERROR -> Optional.of(JobFailure.system("The lab failed internally: " + message, null));
    };
  }

  /**
   * The labs CLI's typed line ({@code KIND: message}, KIND one of {@link LabExit}) without its prefix, trimmed — the
   * first such line, since native libraries may print before it — else the first line; empty when there is none.
   */
  static String message(String stderrHead) {
    java.util.List<String> lines = stderrHead.lines().filter(line -> !line.isBlank()).map(String::strip).toList();
    for (String line : lines) {
      Matcher kind = KIND_LINE.matcher(line);
      if (kind.matches() && java.util.Arrays.stream(LabExit.values()).anyMatch(e -> e.name().equals(kind.group(1)))) {
        return trim(kind.group(2));
      }
    }
    return trim(lines.isEmpty() ? "" : lines.get(0));
  }

  /** {@code SIGKILL}, or "signal 33", for an exit code of 128 + the signal. */
  static String signalName(int exit) {
    return exit > 128 ? SIGNALS.getOrDefault(exit - 128, "signal " + (exit - 128)) : "no exit status";
  }

  private static String orNone(String detail) {
    return detail.isEmpty() ? "no message" : detail;
  }

  private static String trim(String text) {
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
  }

  static String size(long bytes) {
    return bytes >= (1 << 20) ? bytes / (1 << 20) + " MB" : bytes / 1024 + " KB";
  }

  private static Optional<JobFailure> job(Outcome outcome, String message) {
    return Optional.of(new JobFailure(FailureKind.JOB, outcome, message));
  }
}
