package org.ethoslab.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.ethoslab.app.testsupport.PostgresTestDatabase;
import org.ethoslab.runner.protocol.CompleteRequest;
import org.ethoslab.runner.protocol.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The queue on real PostgreSQL, plus the race: many claimers on one queue never get the same job.
 * Skipped (failed in CI) when no PostgreSQL answers on 127.0.0.1:5432.
 */
@QueueIntegrationTest
class PostgresJobQueueIntegrationTests extends AbstractJobQueueIntegrationTests {

  private static final int CLAIMERS = 8;
  private static final int JOBS = 1000;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.shared().registerWith(registry);
  }

  @Test
  void eightClaimersRacingOverAThousandJobsNeverRunOneTwice() throws Exception {
    for (int i = 0; i < JOBS; i++) {
      // 40 students (cap 2 each) and no course: more room than 8 claimers need, so caps never hold the race back.
      queue.submit(1000 + i % 40, null);
    }
    List<Long> runners = new ArrayList<>();
    for (int i = 0; i < CLAIMERS; i++) {
      runners.add(QueueFixture.runnerId(registry, "racer-" + i));
    }
    Map<Long, Long> claimedBy = new ConcurrentHashMap<>();
    AtomicInteger doubleClaims = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
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
    assertThat(total).isEqualTo(JOBS);
    assertThat(claimedBy).hasSize(JOBS);
    assertThat(jdbc.queryForObject("select count(*) from lab_job where state = 'SUCCEEDED'", Long.class))
        .isEqualTo(JOBS);
    assertThat(jdbc.queryForObject("select count(distinct completed_by) from lab_job", Long.class))
        .as("the work was really shared").isGreaterThan(1);
    assertThat(finished.all()).hasSize(JOBS);
  }
}
