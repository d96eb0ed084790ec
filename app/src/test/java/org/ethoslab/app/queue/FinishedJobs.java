package org.ethoslab.app.queue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records every committed {@link LabJobFinished}, the way grading will see them: once per job, or a bug. */
@TestComponent
public class FinishedJobs {

  private final List<LabJobFinished> seen = new CopyOnWriteArrayList<>();

  @TransactionalEventListener
  void on(LabJobFinished finished) {
    seen.add(finished);
  }

  /** The events committed for one job. */
  public List<LabJobFinished> of(long jobId) {
    return seen.stream().filter(f -> f.jobId() == jobId).toList();
  }

  public List<LabJobFinished> all() {
    return List.copyOf(seen);
  }

  public void clear() {
    seen.clear();
  }
}
