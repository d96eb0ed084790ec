package org.ethoslab.runner.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.executor.StageOutcome;
import org.ethoslab.runner.executor.StopSignal;
import org.ethoslab.runner.executor.SupervisedProcess;
import org.ethoslab.runner.sandbox.JobLimits;
import org.junit.jupiter.api.Test;

class VerdictClassifierTests {

  private final JobLimits limits = JobLimits.of(1, 2048, Duration.ofSeconds(600)).withHeapMb(1024);

  @Test
  void theRunnersOwnEvidenceComesBeforeTheExitCode() {
    assertThat(verdict(result(0, true, false), false, OptionalLong.empty()).outcome())
        .isEqualTo(Outcome.TIME_LIMIT_EXCEEDED);
    assertThat(verdict(result(137, false, false), true, OptionalLong.empty()).getMessage())
        .isEqualTo("Your run used more than 2048 MB of memory and was stopped. Choose smaller parameters.");
    // The trainer prints only the lab's own events: printing too much is the lab's fault, not the student's.
    JobFailure flood = verdict(result(4, false, true), false, OptionalLong.empty());
    assertThat(flood.kind()).isEqualTo(FailureKind.SYSTEM);
    assertThat(flood.outcome()).isEqualTo(Outcome.INFRASTRUCTURE_ERROR);
  }

  @Test
  void messagesNameTheLimit() {
    assertThat(verdict(result(0, true, false), false, OptionalLong.empty()).getMessage())
        .isEqualTo("Your run took longer than its time limit of 600 s and was stopped.");
    assertThat(verdict(result(3, false, false), false, OptionalLong.empty()).getMessage())
        .contains("1024 MB Java heap", "2048 MB memory");
    assertThat(verdict(result(152, false, false), false, OptionalLong.empty()).getMessage())
        .isEqualTo("Your run used more than 600 s of CPU time and was stopped.");
  }

  @Test
  void sigkillAfterTheCpuLimitIsACpuVerdictOtherwiseAnOutsideKillThatCostsNothing() {
    assertThat(verdict(result(137, false, false), false, OptionalLong.of(600_000_000L)).outcome())
        .isEqualTo(Outcome.CPU_LIMIT_EXCEEDED);
    JobFailure killed = verdict(result(137, false, false), false, OptionalLong.of(1_000_000L));
    assertThat(killed.outcome()).isEqualTo(Outcome.INFRASTRUCTURE_ERROR);
    assertThat(killed.kind()).isEqualTo(FailureKind.SYSTEM);
    assertThat(killed.getMessage()).contains("SIGKILL from outside the job");
  }

  @Test
  void labsCliKindsKeepTheirFirstLineOnly() {
    SupervisedProcess.Result compile = new SupervisedProcess.Result(4, false, false, null, Duration.ZERO,
        "COMPILE_ERROR: SoftVote.java:12: ';' expected\nCOMPILE_ERROR: SoftVote.java:13: x\n\tat a.b(C.java:1)\n", 10,
        null);
    JobFailure failure = VerdictClassifier.classify(stage(compile, false, OptionalLong.empty()), limits)
        .orElseThrow();
    assertThat(failure.outcome()).isEqualTo(Outcome.COMPILE_ERROR);
    assertThat(failure.kind()).isEqualTo(FailureKind.JOB);
    assertThat(failure.getMessage()).isEqualTo("Your code did not compile: SoftVote.java:12: ';' expected");
  }

  @Test
  void theTrainerLoadsNoStudentCodeSoItsInternalErrorsAreThePlatforms() {
    JobFailure internal = verdict(result(1, false, false), false, OptionalLong.empty());
    assertThat(internal.outcome()).isEqualTo(Outcome.INFRASTRUCTURE_ERROR);
    assertThat(internal.kind()).isEqualTo(FailureKind.SYSTEM);
    JobFailure lost = verdict(result(6, false, false), false, OptionalLong.empty());
    assertThat(lost.kind()).as("a lost channel without a failed host is the platform's").isEqualTo(FailureKind.SYSTEM);
    JobFailure studentCode = verdict(new SupervisedProcess.Result(5, false, false, null, Duration.ZERO,
        "STUDENT_CODE_FAILED: SoftVote must return 2 probabilities\n", 10, null), false, OptionalLong.empty());
    assertThat(studentCode.outcome()).isEqualTo(Outcome.RUNTIME_ERROR);
    assertThat(studentCode.getMessage()).isEqualTo("Your code failed: SoftVote must return 2 probabilities");
  }

  @Test
  void theTypedLineIsFoundBehindWhatNativeLibrariesPrintedFirst() {
    JobFailure failure = verdict(new SupervisedProcess.Result(5, false, false, null, Duration.ZERO,
        "[W1207 23:48:42 LegacyTypeDispatch.h:74] Warning: AutoNonVariableTypeMode is deprecated\n"
            + "STUDENT_CODE_FAILED: DpoLoss returned LossTerms[value=NaN]\n", 10, null), false, OptionalLong.empty());
    assertThat(failure.getMessage()).isEqualTo("Your code failed: DpoLoss returned LossTerms[value=NaN]");
  }

  @Test
  void aSandboxThatNeverStartedIsTheRunnersFault() {
    StageOutcome setup = new StageOutcome(result(1, false, false), true, "bwrap: Can't mount proc", false,
        OptionalLong.empty(), false);
    JobFailure failure = VerdictClassifier.classify(setup, limits).orElseThrow();
    assertThat(failure.kind()).isEqualTo(FailureKind.SYSTEM);
    assertThat(failure.getMessage()).contains("Can't mount proc");
  }

  @Test
  void successLeavesTheVerdictToTheTrustedPhase() {
    assertThat(VerdictClassifier.classify(stage(result(0, false, false), false, OptionalLong.empty()), limits))
        .isEqualTo(Optional.empty());
  }

  private JobFailure verdict(SupervisedProcess.Result result, boolean oom, OptionalLong cpu) {
    return VerdictClassifier.classify(stage(result, oom, cpu), limits).orElseThrow();
  }

  private static StageOutcome stage(SupervisedProcess.Result result, boolean oom, OptionalLong cpu) {
    return new StageOutcome(result, false, "", oom, cpu, false);
  }

  private static SupervisedProcess.Result result(int exit, boolean timedOut, boolean output) {
    return new SupervisedProcess.Result(exit, timedOut, output, (StopSignal.Reason) null, Duration.ofSeconds(1),
        "", 100, null);
  }
}
