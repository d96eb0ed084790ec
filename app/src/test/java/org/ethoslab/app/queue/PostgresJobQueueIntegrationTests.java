package org.ethoslab.app.queue;

import org.ethoslab.app.testsupport.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The queue on real PostgreSQL, where the race runs at full size: 8 claimers over 1000 jobs.
 * Skipped (failed in CI) when no PostgreSQL answers on 127.0.0.1:5432.
 */
@QueueIntegrationTest
class PostgresJobQueueIntegrationTests extends AbstractJobQueueIntegrationTests {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.shared().registerWith(registry);
  }

  @Override
  int racingClaimers() {
    return 8;
  }

  @Override
  int racedJobs() {
    return 1000;
  }
}
