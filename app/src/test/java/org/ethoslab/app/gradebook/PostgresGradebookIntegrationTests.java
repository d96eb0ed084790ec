package org.ethoslab.app.gradebook;

import org.ethoslab.app.testsupport.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link GradebookIntegrationTests} on a real PostgreSQL server (a fresh database for the run): overrides, the CSV
 * export and analytics read the same rows there. Skipped with a hint when no server is reachable (fails instead when
 * {@code ETHOSLAB_REQUIRE_REAL_SERVICES=true}).
 */
class PostgresGradebookIntegrationTests extends GradebookIntegrationTests {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.shared().registerWith(registry);
  }
}
