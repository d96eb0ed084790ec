package org.ethoslab.app.queue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context the queue and runner API tests share (per database): the full app on a random port with the
 * embedded runner off (tests act as runners themselves), short leases, a reaper the tests call themselves, and small
 * caps so the cap tests need few jobs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ethoslab.runner.embedded.enabled=false",
    "ethoslab.queue.lease=5s",
    "ethoslab.queue.claim-wait=2s",
    "ethoslab.queue.reaper-interval=1h",
    "ethoslab.queue.max-running-per-user=2",
    "ethoslab.queue.max-running-per-course=3",
    "ethoslab.queue.max-infrastructure-attempts=3",
    "ethoslab.queue.artifact-max-bytes=4096",
    "ethoslab.queue.artifact-dir=target/test-artifacts"})
@Import({FinishedJobs.class, QueueActors.class})
public @interface QueueIntegrationTest {
}
