package org.ethoslab.app.grading;

import org.ethoslab.app.testsupport.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RegradeIntegrationTests} on a real PostgreSQL server (a fresh database for the run): the V51 tables, the
 * rescoring updates and the regrade listener in the completing transaction. Skipped with a hint when no server is
 * reachable (fails instead when {@code ETHOSLAB_REQUIRE_REAL_SERVICES=true}).
 */
class PostgresRegradeIntegrationTests extends RegradeIntegrationTests {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.shared().registerWith(registry);
  }
}
