package org.ethoslab.app.course;

import org.ethoslab.app.testsupport.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link PersistenceContractTests} on a real PostgreSQL server, in a fresh database created for this run and dropped
 * afterwards. Skipped with a hint when no server is reachable (fails instead when
 * {@code ETHOSLAB_REQUIRE_REAL_SERVICES=true}).
 */
@SpringBootTest
class PostgresPersistenceIntegrationTests extends PersistenceContractTests {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.shared().registerWith(registry);
  }
}
