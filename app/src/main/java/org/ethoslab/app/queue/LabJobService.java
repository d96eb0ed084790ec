package org.ethoslab.app.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue as the rest of the app sees it: submit a job, cancel it, read it. Submissions call {@link #submit} inside
 * their own transaction, so the submission row and its job commit together or not at all.
 */
@Service
public class LabJobService {

  /** Largest labs job JSON accepted, so one submission cannot fill the database. */
  static final int MAX_INPUT_CHARS = 1_000_000;

  private final LabJobRepository jobs;
  private final QueueSignal signal;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  LabJobService(LabJobRepository jobs, QueueSignal signal, ApplicationEventPublisher events, ObjectProvider<Clock> clocks) {
    this.jobs = jobs;
    this.signal = signal;
    this.events = events;
    this.clock = clocks.getIfUnique(Clock::systemUTC);
  }

  /**
   * Queues a job. Throws {@link IllegalArgumentException} naming the bad field; nothing is queued then.
   *
   * @return the queued job (its id is assigned)
   */
  @Transactional
  public LabJob submit(JobSubmission submission) {
    submission.validate();
    String inputJson;
    try {
      inputJson = json.writeValueAsString(submission.input());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("input: cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
    if (inputJson.length() > MAX_INPUT_CHARS) {
      throw new IllegalArgumentException("input: " + inputJson.length() + " characters is over the limit of "
          + MAX_INPUT_CHARS);
    }
    LabJob job;
    try {
      job = jobs.saveAndFlush(new LabJob(submission, inputJson, submission.carriesStudentCode(), clock.instant()));
    } catch (DataIntegrityViolationException e) {
      throw new IllegalArgumentException("userId/courseId: no user " + submission.userId() + " or no offering "
          + submission.courseId(), e);
    }
    signal.jobBecameClaimable();
    return job;
  }

  /**
   * Cancels a job: a queued one ends at once, a running one is stopped by its runner at the next heartbeat, a
   * finished one stays as it is.
   */
  @Transactional
  public LabJob cancel(long jobId) {
    LabJob job = jobs.findForUpdate(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
    if (job.cancel(clock.instant())) {
      events.publishEvent(new LabJobFinished(jobId, job.getOutcome(), false));
    }
    return job;
  }

  /** The job with its current state. */
  @Transactional(readOnly = true)
  public LabJob find(long jobId) {
    return jobs.findById(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
  }
}
