package org.ethoslab.app.submission;

import org.ethoslab.app.testsupport.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SubmissionIntegrationTests} on a real PostgreSQL server (a fresh database for the run), so the submission
 * migration, queries and the grading listener are proven there too. Skipped with a hint when no server is reachable
 * (fails instead when {@code ETHOSLAB_REQUIRE_REAL_SERVICES=true}).
 */
class PostgresSubmissionIntegrationTests extends SubmissionIntegrationTests {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.shared().registerWith(registry);
  }
}
