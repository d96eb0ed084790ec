package org.ethoslab.app.runnerapi;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ethoslab.app.queue.ArtifactStore;
import org.ethoslab.app.queue.JobEventLog;
import org.ethoslab.app.queue.JobLeases;
import org.ethoslab.app.queue.LabJob;
import org.ethoslab.app.queue.QueueProperties;
import org.ethoslab.contract.runner.ClaimRequest;
import org.ethoslab.contract.runner.ClaimResponse;
import org.ethoslab.contract.runner.CompleteRequest;
import org.ethoslab.contract.runner.JobEvent;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The runner protocol under {@code /api/runner/v1} (sandbox-runner/README.md): claim (long-poll), heartbeat, events, artifacts,
 * complete. Only the runner holding a job's lease may act on it; anyone else gets 409.
 */
@RestController
@RequestMapping("/api/runner/v1/jobs")
class RunnerJobController {

  private final JobLeases leases;
  private final JobEventLog eventLog;
  private final ArtifactStore artifacts;
  private final RunnerRegistry registry;
  private final RunnerProtocolJson json;
  private final QueueProperties properties;

  RunnerJobController(JobLeases leases, JobEventLog eventLog, ArtifactStore artifacts, RunnerRegistry registry,
                      RunnerProtocolJson json, QueueProperties properties) {
    this.leases = leases;
    this.eventLog = eventLog;
    this.artifacts = artifacts;
    this.registry = registry;
    this.json = json;
    this.properties = properties;
  }

  /**
   * Leases the next job to the runner, waiting up to {@code ethoslab.queue.claim-wait} (or {@code waitSeconds}, if
   * shorter) for one: 200 with a ClaimResponse, or 204.
   */
  @PostMapping("/claim")
  ResponseEntity<byte[]> claim(@AuthenticationPrincipal RunnerPrincipal runner,
                               @RequestBody(required = false) byte[] body,
                               @RequestParam(required = false) Integer waitSeconds) throws InterruptedException {
    ClaimRequest request = json.read(body, ClaimRequest.class);
    if (request.capabilities() == null) {
      throw new IllegalArgumentException("capabilities: required ({cpus, memoryMb, gpus, labs, isolation, …})");
    }
    if (waitSeconds != null && (waitSeconds < 0 || waitSeconds > 30)) {
      throw new IllegalArgumentException("waitSeconds: between 0 and 30, got " + waitSeconds);
    }
    Duration wait = waitSeconds == null || Duration.ofSeconds(waitSeconds).compareTo(properties.claimWait()) > 0
        ? properties.claimWait() : Duration.ofSeconds(waitSeconds);
    Runner reported = registry.reportCapabilities(runner.runnerId(), request.capabilities());
    Optional<LabJob> leased = leases.claim(runner.runnerId(), request.capabilities(), reported.mayRunStudentCode(),
        wait);
    if (leased.isEmpty()) {
      return ResponseEntity.noContent().build();
    }
    LabJob job = leased.get();
    return ok(new ClaimResponse(job.getId(), job.getLab(), job.getLabVersion(), json.tree(job.getInput()),
        (int) properties.lease().toSeconds(), job.getAttempt(), job.getComputeTier()));
  }

  /** Extends the lease; the reply carries {@code cancel}, or {@code leaseLost} when the job is no longer this runner's. */
  @PostMapping("/{jobId}/heartbeat")
  ResponseEntity<byte[]> heartbeat(@AuthenticationPrincipal RunnerPrincipal runner, @PathVariable long jobId) {
    registry.seen(runner.runnerId());
    return ok(leases.heartbeat(jobId, runner.runnerId()));
  }

  /** Stores a batch of events, each seq once. */
  @PostMapping("/{jobId}/events")
  ResponseEntity<byte[]> events(@AuthenticationPrincipal RunnerPrincipal runner, @PathVariable long jobId,
                                @RequestBody(required = false) byte[] body) {
    List<JobEvent> batch = json.readList(body, JobEvent.class);
    return ok(eventLog.append(jobId, runner.runnerId(), batch));
  }

  /** Stores one artifact (size-capped; 413 past the cap). */
  @PutMapping("/{jobId}/artifacts/{name}")
  ResponseEntity<byte[]> artifact(@AuthenticationPrincipal RunnerPrincipal runner, @PathVariable long jobId,
                                  @PathVariable String name, HttpServletRequest request) throws IOException {
    return ok(artifacts.store(jobId, runner.runnerId(), name, request.getContentLengthLong(),
        request.getInputStream()));
  }

  /** Records the verdict; the same body again is a no-op 200, a different one after the end 409. */
  @PostMapping("/{jobId}/complete")
  ResponseEntity<byte[]> complete(@AuthenticationPrincipal RunnerPrincipal runner, @PathVariable long jobId,
                                  @RequestBody(required = false) byte[] body) {
    CompleteRequest request = json.read(body, CompleteRequest.class);
    return ok(Map.of("result", leases.complete(jobId, runner.runnerId(), request).name()));
  }

  private ResponseEntity<byte[]> ok(Object body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.write(body));
  }
}
