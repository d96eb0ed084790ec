package org.ethoslab.app.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ethoslab.app.queue.QueueFixture.CPU_RUNNER;
import static org.ethoslab.app.queue.QueueFixture.GPU_RUNNER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.contract.runner.RunnerCapabilities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claim order, caps, the reaper, infrastructure retries and concurrent claimers racing over one queue, run against each
 * real database by a subclass.
 */
abstract class AbstractJobQueueIntegrationTests {

  @Autowired
  LabJobService service;
  @Autowired
  JobLeases leases;
  @Autowired
  RunnerRegistry registry;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  FinishedJobs finished;
  @Autowired
  QueueActors actors;

  QueueFixture queue;
  long runner;
  long otherRunner;

  @BeforeEach
  void emptyQueue() {
    queue = new QueueFixture(service, leases, jdbc, actors);
    queue.emptyQueue();
    finished.clear();
    runner = QueueFixture.runnerId(registry, "queue-a");
    otherRunner = QueueFixture.runnerId(registry, "queue-b");
  }

  @Test
  void fairShareServesTheStudentWithFewestRunningJobsFirst() {
    LabJob busyFirst = queue.submit(1, null);
    LabJob busySecond = queue.submit(1, null);
    LabJob idleStudent = queue.submit(2, null);

    assertThat(claimId(runner)).contains(busyFirst.getId());
    // Student 1 now has a running job; student 2's younger job goes first.
    assertThat(claimId(runner)).contains(idleStudent.getId());
    assertThat(claimId(runner)).contains(busySecond.getId());
  }

  @Test
  void fairShareBetweenCoursesThenPriorityThenAge() {
    LabJob bigCourseRunning = queue.submit(10, 100L);
    assertThat(claimId(runner)).contains(bigCourseRunning.getId());
    LabJob bigCourseWaiting = queue.submit(11, 100L);
    LabJob regrade = queue.submit(new JobSubmission("w2s", "2", QueueFixture.input("w2s"), 12, 200L,
        JobSubmission.CPU_SMALL, LabJob.PRIORITY_REGRADE));
    LabJob older = queue.submit(13, 200L);
    LabJob newer = queue.submit(14, 200L);

    // Course 200 has nothing running, so its jobs come before course 100's; within it: priority, then age.
    assertThat(claimId(runner)).contains(older.getId());
    assertThat(claimId(runner)).contains(bigCourseWaiting.getId());
    assertThat(claimId(runner)).contains(newer.getId());
    assertThat(claimId(runner)).contains(regrade.getId());
  }

  @Test
  void gpuJobsGoOnlyToGpuRunnersAndFirstThere() {
    LabJob cpuJob = queue.submit(1, null);
    LabJob gpuJob = queue.submit(new JobSubmission("w2s", "2", QueueFixture.input("w2s"), 2, null,
        JobSubmission.GPU, LabJob.PRIORITY_NORMAL));

    assertThat(queue.claim(runner, CPU_RUNNER).map(LabJob::getId)).contains(cpuJob.getId());
    assertThat(queue.claim(runner, CPU_RUNNER)).isEmpty();
    assertThat(queue.claim(otherRunner, GPU_RUNNER).map(LabJob::getId)).contains(gpuJob.getId());
  }

  @Test
  void perUserAndPerCourseCapsHoldBackJobsButNotOthers() {
    for (int i = 0; i < 3; i++) {
      queue.submit(1, null);
    }
    assertThat(claimId(runner)).isPresent();
    assertThat(claimId(runner)).isPresent();
    assertThat(claimId(runner)).as("third job of a student with 2 running (cap 2)").isEmpty();

    for (long user = 20; user < 24; user++) {
      queue.submit(user, 7L);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(claimId(runner)).isPresent();
    }
    assertThat(claimId(runner)).as("course 7 has 3 running (cap 3)").isEmpty();
    LabJob otherCourse = queue.submit(30, 8L);
    assertThat(claimId(runner)).as("another course still runs").contains(otherCourse.getId());
  }

  @Test
  void runnersGetOnlyLabsTheyHaveAndStudentCodeOnlyWithIsolation() {
    ObjectNode withHooks = QueueFixture.input("w2s");
    withHooks.putObject("hooks").put("SoftVote", "class SoftVote {}");
    LabJob studentCode = queue.submit(JobSubmission.of("w2s", "2", withHooks, 1, null));
    LabJob merging = queue.submit(new JobSubmission("merging", "2", QueueFixture.input("merging"), 2, null,
        JobSubmission.CPU_SMALL, 0));

    RunnerCapabilities onlyW2s = new RunnerCapabilities(2, 4096, 0, 0, List.of("w2s@2"), "NONE", 1, "test");
    assertThat(claim(runner, onlyW2s, false)).as("w2s has student code; merging is not installed").isEmpty();
    assertThat(claim(runner, onlyW2s, true).map(LabJob::getId)).contains(studentCode.getId());
    RunnerCapabilities mergingOnly = new RunnerCapabilities(2, 4096, 0, 0, List.of("merging"), "FULL", 1, "test");
    assertThat(claim(otherRunner, mergingOnly, true).map(LabJob::getId)).contains(merging.getId());
  }

  @Test
  void expiredLeaseGoesBackToTheQueueWithTheNextAttempt() {
    LabJob job = queue.submit(1, null);
    assertThat(claimId(runner)).contains(job.getId());
    assertThat(leases.reapExpiredLeases(10)).as("lease still valid").isZero();

    queue.expireLease(job.getId());
    assertThat(leases.reapExpiredLeases(10)).isEqualTo(1);
    LabJob requeued = service.find(job.getId());
    assertThat(requeued.getState()).isEqualTo(LabJobState.QUEUED);
    assertThat(requeued.getAttempt()).isEqualTo(2);
    assertThat(requeued.getInfraAttempts()).isEqualTo(1);
    assertThat(requeued.getLeaseOwner()).isNull();

    assertThat(leases.heartbeat(job.getId(), runner).leaseLost()).isTrue();
    assertThat(claimId(otherRunner)).contains(job.getId());
    assertThat(leases.complete(job.getId(), otherRunner, succeeded())).isEqualTo(JobLeases.Completion.RECORDED);
    assertThatThrownBy(() -> leases.complete(job.getId(), runner, succeeded()))
        .isInstanceOf(JobConflictException.class);
    assertThat(finished.of(job.getId())).hasSize(1);
  }

  @Test
  void afterTheLastInfrastructureAttemptTheJobEndsWithoutCostingAnAttempt() {
    LabJob job = queue.submit(1, null);
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(claimId(runner)).contains(job.getId());
      if (attempt == 2) {
        // A runner that reports an infrastructure error itself counts the same as one that vanished.
        assertThat(leases.complete(job.getId(), runner, new CompleteRequest(Outcome.INFRASTRUCTURE_ERROR,
            "work dir not writable", null, 0))).isEqualTo(JobLeases.Completion.REQUEUED);
      } else {
        queue.expireLease(job.getId());
        assertThat(leases.reapExpiredLeases(10)).isEqualTo(1);
      }
    }
    LabJob ended = service.find(job.getId());
    assertThat(ended.getState()).isEqualTo(LabJobState.FAILED);
    assertThat(ended.getOutcome()).isEqualTo(Outcome.INFRASTRUCTURE_ERROR);
    assertThat(ended.getInfraAttempts()).isEqualTo(3);
    assertThat(finished.of(job.getId())).singleElement()
        .satisfies(f -> assertThat(f.costsAttempt()).isFalse());
    assertThat(claimId(runner)).isEmpty();
  }

  @Test
  void cancelOfARunningJobReachesItsRunnerOnTheNextHeartbeat() {
    LabJob job = queue.submit(1, null);
    assertThat(claimId(runner)).contains(job.getId());
    assertThat(leases.heartbeat(job.getId(), runner).cancel()).isFalse();
    service.cancel(job.getId());
    assertThat(leases.heartbeat(job.getId(), runner).cancel()).isTrue();
    leases.complete(job.getId(), runner, new CompleteRequest(Outcome.CANCELLED, "Cancelled.", null, 0));
    assertThat(service.find(job.getId()).getState()).isEqualTo(LabJobState.CANCELLED);
    assertThat(finished.of(job.getId())).singleElement()
        .satisfies(f -> assertThat(f.costsAttempt()).isFalse());
  }

  @Test
  void badSubmissionsAreRefusedAndQueueNothing() {
    assertThatThrownBy(() -> service.submit(JobSubmission.of("w2s", "2", QueueFixture.input("w2s"), 0, null)))
        .hasMessageStartingWith("userId:");
    assertThatThrownBy(() -> service.submit(JobSubmission.of("w2s", "2", QueueFixture.input("w2s"),
        actors.student(1), 987654321L))).hasMessageStartingWith("userId/courseId:");
    assertThat(jdbc.queryForObject("select count(*) from lab_job", Long.class)).isZero();
  }

  @Test
  void concurrentClaimersNeverRunOneJobTwice() throws Exception {
    for (int i = 0; i < racedJobs(); i++) {
      // 40 students (cap 2 each) and no course: more room than 8 claimers need, so caps never hold the race back.
      queue.submit(1000 + i % 40, null);
    }
    List<Long> runners = new ArrayList<>();
    for (int i = 0; i < racingClaimers(); i++) {
      runners.add(QueueFixture.runnerId(registry, "racer-" + i));
    }
    Map<Long, Long> claimedBy = new ConcurrentHashMap<>();
    AtomicInteger doubleClaims = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(racingClaimers());
    List<Future<Integer>> results = new ArrayList<>();
    for (long runnerId : runners) {
      results.add(pool.submit(() -> {
        start.await();
        int mine = 0;
        while (true) {
          Optional<LabJob> job = leases.claim(runnerId, QueueFixture.CPU_RUNNER, true, Duration.ZERO);
          if (job.isEmpty()) {
            return mine;
          }
          if (claimedBy.putIfAbsent(job.get().getId(), runnerId) != null) {
            doubleClaims.incrementAndGet();
          }
          leases.complete(job.get().getId(), runnerId,
              new CompleteRequest(Outcome.SUCCEEDED, "ok", QueueFixture.input("w2s"), 0));
          mine++;
        }
      }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> result : results) {
      total += result.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(doubleClaims.get()).isZero();
    assertThat(total).isEqualTo(racedJobs());
    assertThat(claimedBy).hasSize(racedJobs());
    assertThat(jdbc.queryForObject("select count(*) from lab_job where state = 'SUCCEEDED'", Long.class))
        .isEqualTo(racedJobs());
    assertThat(jdbc.queryForObject("select count(distinct completed_by) from lab_job", Long.class))
        .as("the work was really shared").isGreaterThan(1);
    assertThat(finished.all()).hasSize(racedJobs());
  }

  /** How many claimers race in {@link #concurrentClaimersNeverRunOneJobTwice()}. */
  int racingClaimers() {
    return 4;
  }

  /** How many jobs they race over. */
  int racedJobs() {
    return 200;
  }

  static CompleteRequest succeeded() {
    ObjectNode evaluation = QueueFixture.input("w2s").objectNode().put("score", 0.75);
    return new CompleteRequest(Outcome.SUCCEEDED, "Finished.", evaluation, 3);
  }

  Optional<Long> claimId(long runnerId) {
    return queue.claim(runnerId, CPU_RUNNER).map(LabJob::getId);
  }

  Optional<LabJob> claim(long runnerId, RunnerCapabilities capabilities, boolean mayRunStudentCode) {
    try {
      return leases.claim(runnerId, capabilities, mayRunStudentCode, Duration.ZERO);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
