package org.ethoslab.app.course;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** {@link PersistenceContractTests} on the embedded H2 database (shares the Spring context of the web tests). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class H2PersistenceIntegrationTests extends PersistenceContractTests {
}
