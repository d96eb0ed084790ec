package org.ethoslab.app.authoring;

import org.ethoslab.app.testsupport.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AuthoringIntegrationTests} on a real PostgreSQL server (a fresh database for this run): the authoring
 * migration, publishing and the all-or-nothing import behave the same as on H2. Skipped with a message when no
 * server answers (fails when {@code ETHOSLAB_REQUIRE_REAL_SERVICES=true}).
 */
@SpringBootTest
class AuthoringPostgresIntegrationTests extends AuthoringIntegrationTests {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.shared().registerWith(registry);
  }
}
