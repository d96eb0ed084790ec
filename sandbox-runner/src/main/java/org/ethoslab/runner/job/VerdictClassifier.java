package org.ethoslab.runner.job;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ethoslab.runner.executor.StageOutcome;
import org.ethoslab.runner.executor.SupervisedProcess;
import org.ethoslab.runner.protocol.Outcome;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * Turns what the runner observed of the untrusted run into a verdict a student can act on. The runner's own evidence
 * (its wall timer, output counter, bwrap's status, the cgroup's OOM counter and CPU time) comes first; the child's
 * exit code and its first stderr line ({@code KIND: message}) only describe the student's own failure, so a forged
 * one can mislead nobody but the forger. An empty result means the run succeeded and the trusted phase comes next.
 */
final class VerdictClassifier {

  /** Exit codes of the labs CLI (and the JVM's ExitOnOutOfMemoryError). */
  static final int BAD_INPUT = 2;
  static final int OUT_OF_MEMORY = 3;
  static final int COMPILE_ERROR = 4;
  static final int RUNTIME_ERROR = 5;
  private static final int SIGKILL = 128 + 9;
  private static final int SIGXCPU = 128 + 24;
  private static final int MAX_MESSAGE = 600;
  private static final Pattern KIND_LINE = Pattern.compile("^([A-Z_]{3,40}): (.*)$");
  private static final Map<Integer, String> SIGNALS = Map.of(4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE",
      9, "SIGKILL", 11, "SIGSEGV", 13, "SIGPIPE", 15, "SIGTERM", 24, "SIGXCPU", 25, "SIGXFSZ");

  private VerdictClassifier() {
  }

  static Optional<JobFailure> classify(StageOutcome stage, JobLimits limits, boolean studentCode) {
    SupervisedProcess.Result run = stage.process();
    if (run.timedOut()) {
      return job(Outcome.TIME_LIMIT_EXCEEDED, "Your run took longer than its time limit of "
          + limits.wallTime().toSeconds() + " s and was stopped.");
    }
    if (run.outputExceeded()) {
      return job(Outcome.OUTPUT_LIMIT_EXCEEDED, "Your run printed more than " + size(limits.outputBytes())
          + " of output and was stopped. Print less (e.g. a progress line every few steps).");
    }
    if (stage.setupFailed()) {
      return Optional.of(JobFailure.system("The sandbox could not be started: "
          + trim(stage.setupDetail().isBlank() ? "bubblewrap exited " + run.exitCode() : stage.setupDetail()), null));
    }
    if (stage.oomKilled()) {
      return job(Outcome.MEMORY_LIMIT_EXCEEDED, "Your run used more than " + limits.memoryMb()
          + " MB of memory and was stopped.");
    }
    int exit = run.exitCode();
    boolean cpuSpent = stage.cpuMicros().isPresent()
        && stage.cpuMicros().getAsLong() >= limits.cpuSeconds() * 950_000L;
    if (exit == SIGXCPU || (exit == SIGKILL && cpuSpent)) {
      return job(Outcome.CPU_LIMIT_EXCEEDED, "Your run used more than " + limits.cpuSeconds()
          + " s of CPU time and was stopped.");
    }
    if (exit != 0 && stage.pidsLimitHit()) {
      return job(Outcome.RUNTIME_ERROR, "Your run tried to use more than " + limits.maxProcesses()
          + " processes and threads (the limit) and failed: " + orNone(message(run.stderrHead())));
    }
    String detail = message(run.stderrHead());
    String message = detail.isEmpty() ? "no message" : detail;
    return switch (exit) {
      case 0 -> Optional.empty();
      case OUT_OF_MEMORY -> job(Outcome.MEMORY_LIMIT_EXCEEDED, "Your run needed more than its " + limits.heapMb()
          + " MB Java heap (of " + limits.memoryMb() + " MB memory) and was stopped (OutOfMemoryError).");
      case BAD_INPUT -> job(Outcome.BAD_INPUT, "The lab rejected the input: " + message);
      case COMPILE_ERROR -> job(Outcome.COMPILE_ERROR, "Your code did not compile: " + message);
      case RUNTIME_ERROR -> job(Outcome.RUNTIME_ERROR, "Your code threw an error: " + message);
      case 1 -> studentCode
          // Student code can call System.exit(1) itself, so with student code loaded it cannot buy a free retry.
          ? job(Outcome.RUNTIME_ERROR, "The run stopped with an error while your code was loaded: " + message)
          : Optional.of(JobFailure.system("The lab failed internally: " + message, null));
      default -> exit > 128 && exit < 160
          ? job(Outcome.RUNTIME_ERROR, "Your run was stopped by signal " + SIGNALS.getOrDefault(exit - 128,
              "number " + (exit - 128)) + " (exit code " + exit + ")" + (detail.isEmpty() ? "." : ": " + detail))
          : job(Outcome.RUNTIME_ERROR, "Your run ended with exit code " + exit
              + (detail.isEmpty() ? "." : ": " + detail));
    };
  }

  /** The first stderr line without its {@code KIND: } prefix, trimmed; empty when there is none. */
  static String message(String stderrHead) {
    String first = stderrHead.lines().filter(line -> !line.isBlank()).findFirst().orElse("").strip();
    Matcher kind = KIND_LINE.matcher(first);
    String text = kind.matches() ? kind.group(2) : first;
    return trim(text);
  }

  private static String orNone(String detail) {
    return detail.isEmpty() ? "no message" : detail;
  }

  private static String trim(String text) {
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
  }

  private static String size(long bytes) {
    return bytes >= (1 << 20) ? bytes / (1 << 20) + " MB" : bytes / 1024 + " KB";
  }

  private static Optional<JobFailure> job(Outcome outcome, String message) {
    return Optional.of(new JobFailure(FailureKind.JOB, outcome, message));
  }
}
