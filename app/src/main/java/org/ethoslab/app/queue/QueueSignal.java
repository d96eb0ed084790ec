package org.ethoslab.app.queue;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes long-polling claims in this app instance when a job becomes claimable, so an idle runner starts a new job
 * within milliseconds instead of at its next poll. Claims in other instances still find the job on their next
 * re-check (every {@link #RECHECK}), which is what makes several app instances behind a load balancer work.
 */
@Component
public class QueueSignal {

  /** Longest a waiting claim sleeps before looking at the database again. */
  static final Duration RECHECK = Duration.ofSeconds(1);

  private final Object monitor = new Object();
  private long generation;

  /** The current generation; pass it to {@link #awaitChange} so a wake-up between check and wait is not lost. */
  long generation() {
    synchronized (monitor) {
      return generation;
    }
  }

  /** Waits until the generation moves past {@code seen} or the timeout ends. */
  void awaitChange(long seen, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (monitor) {
      while (generation == seen) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        monitor.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Wakes waiting claims once the current transaction commits (at once when there is none). */
  public void jobBecameClaimable() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          wake();
        }
      });
    } else {
      wake();
    }
  }

  private void wake() {
    synchronized (monitor) {
      generation++;
      monitor.notifyAll();
    }
  }
}
