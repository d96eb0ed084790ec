package org.ethoslab.app.queue;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the queue: its settings and the scheduled lease reaper. The queue stamps times with the app's {@code Clock}
 * bean when there is exactly one, else with the system UTC clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueueProperties.class)
@EnableScheduling
class QueueConfiguration {
}
