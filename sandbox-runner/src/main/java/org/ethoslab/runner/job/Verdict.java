package org.ethoslab.runner.job;

import com.fasterxml.jackson.databind.JsonNode;
import org.ethoslab.contract.runner.Outcome;

/**
 * How one job ended, ready for {@code complete}.
 *
 * @param outcome    the verdict
 * @param message    what happened in plain words, naming the limit or the file and line; never a bare "failed"
 * @param evaluation the trusted phase's Evaluation JSON when the outcome is SUCCEEDED, else null
 * @param kind       whose fault a failure is; null for SUCCEEDED and CANCELLED
 */
public record Verdict(Outcome outcome, String message, JsonNode evaluation, FailureKind kind) {

  public static Verdict succeeded(JsonNode evaluation) {
    return new Verdict(Outcome.SUCCEEDED, "Your run finished and was graded.", evaluation, null);
  }

  public static Verdict cancelled() {
    return new Verdict(Outcome.CANCELLED, "The run was cancelled before it finished.", null, null);
  }

  public static Verdict of(JobFailure failure) {
    return new Verdict(failure.outcome(), failure.getMessage(), null, failure.kind());
  }
}
