package org.ethoslab.app.labspec;

import org.ethoslab.app.queue.QueueIntegrationTest;
import org.ethoslab.app.testsupport.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The lab spec endpoint and catalog on real PostgreSQL. Skipped (failed in CI) when no PostgreSQL answers on
 * 127.0.0.1:5432.
 */
@QueueIntegrationTest
class PostgresPublishedLabsIntegrationTests extends AbstractPublishedLabsIntegrationTests {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.shared().registerWith(registry);
  }
}
