package org.ethoslab.app.labspec;

import org.ethoslab.app.queue.QueueIntegrationTest;

/** The lab spec endpoint and catalog on the embedded H2 database. */
@QueueIntegrationTest
class H2PublishedLabsIntegrationTests extends AbstractPublishedLabsIntegrationTests {
}
