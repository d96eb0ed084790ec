package org.ethoslab.app.queue;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the queue: its settings, its clock and the scheduled lease reaper. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueueProperties.class)
@EnableScheduling
class QueueConfiguration {

  /** The time the queue stamps on jobs and compares leases with. */
  @Bean
  Clock queueClock() {
    return Clock.systemUTC();
  }
}
