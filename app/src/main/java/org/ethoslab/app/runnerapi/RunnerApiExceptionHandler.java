package org.ethoslab.app.runnerapi;

import org.ethoslab.app.queue.ArtifactBudgetExceededException;
import org.ethoslab.app.queue.ArtifactTooLargeException;
import org.ethoslab.app.queue.JobConflictException;
import org.ethoslab.app.queue.JobNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns runner API failures into JSON errors with the status a runner acts on (4xx: do not retry; 503: retry). */
@RestControllerAdvice(assignableTypes = {RunnerJobController.class, RunnerLabController.class})
class RunnerApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(RunnerApiExceptionHandler.class);

  private final RunnerApiErrors errors;

  RunnerApiExceptionHandler(RunnerProtocolJson json) {
    this.errors = json.errors();
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<byte[]> badRequest(IllegalArgumentException e) {
    return errors.entity(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(JobNotFoundException.class)
  ResponseEntity<byte[]> notFound(JobNotFoundException e) {
    return errors.entity(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(JobConflictException.class)
  ResponseEntity<byte[]> conflict(JobConflictException e) {
    return errors.entity(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(ArtifactTooLargeException.class)
  ResponseEntity<byte[]> tooLarge(ArtifactTooLargeException e) {
    return errors.entity(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
  }

  /** 413 as for a file too large, so the runner keeps the run going; the {@code error} text is shown to the student. */
  @ExceptionHandler(ArtifactBudgetExceededException.class)
  ResponseEntity<byte[]> budgetUsedUp(ArtifactBudgetExceededException e) {
    return errors.entity(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
  }

  @ExceptionHandler(TransientDataAccessException.class)
  ResponseEntity<byte[]> busy(TransientDataAccessException e) {
    log.warn("Runner API call hit a transient database error: {}", e.toString());
    ResponseEntity<byte[]> body = errors.entity(HttpStatus.SERVICE_UNAVAILABLE, "database busy; retry shortly");
    return ResponseEntity.status(body.getStatusCode()).headers(h -> {
      h.addAll(body.getHeaders());
      h.set("Retry-After", "1");
    }).body(body.getBody());
  }
}
