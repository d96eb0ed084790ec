package org.ethoslab.runner.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.ethoslab.runner.executor.StageOutcome;
import org.ethoslab.runner.executor.StopSignal;
import org.ethoslab.runner.executor.SupervisedProcess;
import org.ethoslab.runner.protocol.Outcome;
import org.ethoslab.runner.sandbox.JobLimits;
import org.junit.jupiter.api.Test;

class VerdictClassifierTests {

  private final JobLimits limits = JobLimits.of(1, 2048, Duration.ofSeconds(600)).withHeapMb(1024);

  @Test
  void theRunnersOwnEvidenceComesBeforeTheExitCode() {
    assertThat(verdict(result(0, true, false), false, OptionalLong.empty(), true).outcome())
        .isEqualTo(Outcome.TIME_LIMIT_EXCEEDED);
    assertThat(verdict(result(4, false, true), false, OptionalLong.empty(), true).outcome())
        .isEqualTo(Outcome.OUTPUT_LIMIT_EXCEEDED);
    assertThat(verdict(result(137, false, false), true, OptionalLong.empty(), true).getMessage())
        .isEqualTo("Your run used more than 2048 MB of memory and was stopped.");
  }

  @Test
  void messagesNameTheLimit() {
    assertThat(verdict(result(0, true, false), false, OptionalLong.empty(), true).getMessage())
        .isEqualTo("Your run took longer than its time limit of 600 s and was stopped.");
    assertThat(verdict(result(3, false, false), false, OptionalLong.empty(), true).getMessage())
        .contains("1024 MB Java heap", "2048 MB memory");
    assertThat(verdict(result(152, false, false), false, OptionalLong.empty(), true).getMessage())
        .isEqualTo("Your run used more than 600 s of CPU time and was stopped.");
  }

  @Test
  void sigkillAfterTheCpuLimitIsACpuVerdictOtherwiseASignal() {
    assertThat(verdict(result(137, false, false), false, OptionalLong.of(600_000_000L), true).outcome())
        .isEqualTo(Outcome.CPU_LIMIT_EXCEEDED);
    JobFailure killed = verdict(result(137, false, false), false, OptionalLong.of(1_000_000L), true);
    assertThat(killed.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(killed.getMessage()).contains("signal SIGKILL (exit code 137)");
  }

  @Test
  void labsCliKindsKeepTheirFirstLineOnly() {
    SupervisedProcess.Result compile = new SupervisedProcess.Result(4, false, false, null, Duration.ZERO,
        "COMPILE_ERROR: SoftVote.java:12: ';' expected\nCOMPILE_ERROR: SoftVote.java:13: x\n\tat a.b(C.java:1)\n", 10);
    JobFailure failure = VerdictClassifier.classify(stage(compile, false, OptionalLong.empty()), limits, true)
        .orElseThrow();
    assertThat(failure.outcome()).isEqualTo(Outcome.COMPILE_ERROR);
    assertThat(failure.kind()).isEqualTo(FailureKind.JOB);
    assertThat(failure.getMessage()).isEqualTo("Your code did not compile: SoftVote.java:12: ';' expected");
  }

  @Test
  void internalErrorIsASystemFailureOnlyWithoutStudentCode() {
    JobFailure withHooks = verdict(result(1, false, false), false, OptionalLong.empty(), true);
    assertThat(withHooks.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(withHooks.kind()).isEqualTo(FailureKind.JOB);
    JobFailure withoutHooks = verdict(result(1, false, false), false, OptionalLong.empty(), false);
    assertThat(withoutHooks.outcome()).isEqualTo(Outcome.INFRASTRUCTURE_ERROR);
    assertThat(withoutHooks.kind()).isEqualTo(FailureKind.SYSTEM);
  }

  @Test
  void aSandboxThatNeverStartedIsTheRunnersFault() {
    StageOutcome setup = new StageOutcome(result(1, false, false), true, "bwrap: Can't mount proc", false,
        OptionalLong.empty(), false);
    JobFailure failure = VerdictClassifier.classify(setup, limits, true).orElseThrow();
    assertThat(failure.kind()).isEqualTo(FailureKind.SYSTEM);
    assertThat(failure.getMessage()).contains("Can't mount proc");
  }

  @Test
  void successLeavesTheVerdictToTheTrustedPhase() {
    assertThat(VerdictClassifier.classify(stage(result(0, false, false), false, OptionalLong.empty()), limits, true))
        .isEqualTo(Optional.empty());
  }

  private JobFailure verdict(SupervisedProcess.Result result, boolean oom, OptionalLong cpu, boolean studentCode) {
    return VerdictClassifier.classify(stage(result, oom, cpu), limits, studentCode).orElseThrow();
  }

  private static StageOutcome stage(SupervisedProcess.Result result, boolean oom, OptionalLong cpu) {
    return new StageOutcome(result, false, "", oom, cpu, false);
  }

  private static SupervisedProcess.Result result(int exit, boolean timedOut, boolean output) {
    return new SupervisedProcess.Result(exit, timedOut, output, (StopSignal.Reason) null, Duration.ofSeconds(1),
        "", 100);
  }
}
