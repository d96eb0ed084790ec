package org.ethoslab.app.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Returns jobs whose runner stopped heartbeating to the queue, every {@code ethoslab.queue.reaper-interval}. Several
 * app instances may run it at once: the expired rows are taken with SKIP LOCKED, so each is handled by one of them.
 */
@Component
class LeaseReaper implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(LeaseReaper.class);
  private static final int BATCH = 100;

  private final JobLeases leases;
  private final QueueProperties properties;
  private volatile boolean closing;

  LeaseReaper(JobLeases leases, QueueProperties properties) {
    this.leases = leases;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::reap, properties.reaperInterval());
  }

  /**
   * Stops new rounds as soon as the app starts shutting down: a round that began after the database went away would
   * wait for a connection and hold up the shutdown.
   */
  @EventListener(ContextClosedEvent.class)
  void closing() {
    closing = true;
  }

  void reap() {
    if (closing) {
      return;
    }
    try {
      int handled;
      do {
        handled = leases.reapExpiredLeases(BATCH);
        if (handled > 0) {
          log.info("Returned {} job(s) with an expired lease to the queue", handled);
        }
      } while (handled == BATCH);
    } catch (RuntimeException e) {
      // The next round retries; a database hiccup must not stop the scheduled task for good.
      log.warn("Lease reaper round failed: {}", e.toString());
    }
  }
}
