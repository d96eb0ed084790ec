package org.ethoslab.app.queue;

/** The queue on the embedded H2 database of the default profile. */
@QueueIntegrationTest
class H2JobQueueIntegrationTests extends AbstractJobQueueIntegrationTests {
}
