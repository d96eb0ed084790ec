package org.ethoslab.app.queue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.ethoslab.contract.runner.RunnerCapabilities;
import org.springframework.jdbc.core.JdbcTemplate;

/** Small helpers the queue tests share: submit a job, claim as a runner, empty the queue. */
public final class QueueFixture {

  public static final RunnerCapabilities CPU_RUNNER =
      new RunnerCapabilities(4, 8192, 0, 0, List.of(), "FULL", 2, "test");
  public static final RunnerCapabilities GPU_RUNNER =
      new RunnerCapabilities(8, 32768, 1, 16384, List.of(), "FULL", 2, "test");

  private final LabJobService service;
  private final JobLeases leases;
  private final JdbcTemplate jdbc;
  private final QueueActors actors;

  public QueueFixture(LabJobService service, JobLeases leases, JdbcTemplate jdbc, QueueActors actors) {
    this.service = service;
    this.leases = leases;
    this.jdbc = jdbc;
    this.actors = actors;
  }

  /** The labs job JSON of a plain run (no student code). */
  public static ObjectNode input(String lab) {
    ObjectNode input = JsonNodeFactory.instance.objectNode().put("lab", lab).put("labVersion", "2").put("seed", 42);
    input.putObject("params").put("epochs", 1);
    input.putObject("hidden").put("labelsSeed", 7);
    return input;
  }

  /** Submits a plain job of the test's student number {@code student} in its offering number {@code offering}. */
  public LabJob submit(long student, Long offering) {
    return submit(JobSubmission.of("w2s", "2", input("w2s"), student, offering));
  }

  /** Submits with {@code userId} and {@code courseId} read as the test's student and offering numbers. */
  public LabJob submit(JobSubmission submission) {
    return service.submit(new JobSubmission(submission.lab(), submission.labVersion(), submission.input(),
        actors.student(submission.userId()), actors.offering(submission.courseId()), submission.computeTier(),
        submission.priority()));
  }

  public Optional<LabJob> claim(long runnerId, RunnerCapabilities capabilities) {
    try {
      return leases.claim(runnerId, capabilities, true, Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Makes a job's lease run out now, as if its runner had stopped heartbeating a lease ago. */
  public void expireLease(long jobId) {
    jdbc.update("update lab_job set lease_expires_at = lease_expires_at - interval '1' day where id = ?", jobId);
  }

  /** Removes every job (and its events and artifacts) so each test starts from an empty queue. */
  public void emptyQueue() {
    jdbc.update("delete from lab_job_event");
    jdbc.update("delete from lab_job_artifact");
    jdbc.update("delete from lab_job");
  }

  /** A runner row to lease jobs to (lease_owner references it). */
  public static long runnerId(RunnerRegistry registry, String name) {
    return registry.register(name + "-" + System.nanoTime()).runnerId();
  }
}
