package org.ethoslab.app.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.ethoslab.contract.runner.Outcome;
import org.junit.jupiter.api.Test;

class LabJobTests {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);

  private static LabJob queued() {
    ObjectNode input = JsonNodeFactory.instance.objectNode().put("lab", "w2s");
    return new LabJob(JobSubmission.of("w2s", "2", input, 7, 3L), "{}", false, T0);
  }

  @Test
  void leaseStartCompleteWalkTheLifecycle() {
    LabJob job = queued();
    job.lease(1, "FULL", T0, LEASE);
    assertThat(job.getState()).isEqualTo(LabJobState.LEASED);
    assertThat(job.getLeaseExpiresAt()).isEqualTo(T0.plus(LEASE));
    job.extendLease(1, T0.plusSeconds(10), LEASE);
    assertThat(job.getState()).isEqualTo(LabJobState.RUNNING);
    assertThat(job.getStartedAt()).isEqualTo(T0.plusSeconds(10));
    job.complete(1, Outcome.COMPILE_ERROR, "Hooks.java:3: ';' expected", null, 4, T0.plusSeconds(20));
    assertThat(job.getState()).isEqualTo(LabJobState.FAILED);
    assertThat(job.getOutcome()).isEqualTo(Outcome.COMPILE_ERROR);
    assertThat(job.getLeaseOwner()).isNull();
    assertThat(job.getCompletedBy()).isEqualTo(1L);
  }

  @Test
  void onlyTheLeaseHolderMayActAndAFinishedJobStaysFinished() {
    LabJob job = queued();
    job.lease(1, "FULL", T0, LEASE);
    assertThatThrownBy(() -> job.complete(2, Outcome.SUCCEEDED, null, "{}", 0, T0))
        .isInstanceOf(JobConflictException.class).hasMessageContaining("does not hold the lease");
    assertThatThrownBy(() -> job.lease(2, "FULL", T0, LEASE)).isInstanceOf(JobConflictException.class);
    job.complete(1, Outcome.SUCCEEDED, null, "{}", 0, T0);
    assertThatThrownBy(() -> job.complete(1, Outcome.RUNTIME_ERROR, "x", null, 0, T0))
        .isInstanceOf(JobConflictException.class);
    assertThatThrownBy(() -> job.requeue(T0, 3, "late")).isInstanceOf(JobConflictException.class);
    assertThat(job.getState()).isEqualTo(LabJobState.SUCCEEDED);
  }

  @Test
  void requeueCountsInfrastructureAttemptsAndGivesUpWithoutCostingTheStudent() {
    LabJob job = queued();
    for (int attempt = 1; attempt <= 2; attempt++) {
      job.lease(1, "FULL", T0, LEASE);
      assertThat(job.requeue(T0, 3, "lease expired")).isFalse();
      assertThat(job.getState()).isEqualTo(LabJobState.QUEUED);
      assertThat(job.getAttempt()).isEqualTo(attempt + 1);
    }
    job.lease(1, "FULL", T0, LEASE);
    assertThat(job.requeue(T0, 3, "lease expired")).isTrue();
    assertThat(job.getState()).isEqualTo(LabJobState.FAILED);
    assertThat(job.getOutcome()).isEqualTo(Outcome.INFRASTRUCTURE_ERROR);
    assertThat(job.getOutcome().studentCaused()).isFalse();
    assertThat(job.getMessage()).contains("costs you no attempt");
  }

  @Test
  void cancelEndsAQueuedJobAndFlagsARunningOne() {
    LabJob waiting = queued();
    assertThat(waiting.cancel(T0)).isTrue();
    assertThat(waiting.getState()).isEqualTo(LabJobState.CANCELLED);

    LabJob running = queued();
    running.lease(1, "FULL", T0, LEASE);
    assertThat(running.cancel(T0)).isFalse();
    assertThat(running.isCancelRequested()).isTrue();
    assertThat(running.getState()).isEqualTo(LabJobState.LEASED);
  }

  @Test
  void infrastructureErrorsNeverEndAJobThroughComplete() {
    LabJob job = queued();
    job.lease(1, "FULL", T0, LEASE);
    assertThatThrownBy(() -> job.complete(1, Outcome.INFRASTRUCTURE_ERROR, "disk full", null, 0, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void submissionValidationNamesTheBadField() {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    assertThatThrownBy(() -> new JobSubmission("W2S!", "1", input, 1, null, JobSubmission.CPU_SMALL, 0).validate())
        .hasMessageStartingWith("lab:");
    assertThatThrownBy(() -> new JobSubmission("w2s", "2", input, 1, null, "tpu", 0).validate())
        .hasMessageStartingWith("computeTier:");
    assertThatThrownBy(() -> new JobSubmission("w2s", "2", null, 1, null, JobSubmission.CPU_SMALL, 0).validate())
        .hasMessageStartingWith("input:");
    input.putObject("hooks").put("SoftVote", "class SoftVote {}");
    assertThat(JobSubmission.of("w2s", "2", input, 1, null).carriesStudentCode()).isTrue();
  }
}
