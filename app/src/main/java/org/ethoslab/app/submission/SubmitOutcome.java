package org.ethoslab.app.submission;

import java.util.List;
import java.util.Map;

/**
 * The answer to a submit: the durable submission, or why nothing was submitted. A refusal changes nothing and uses
 * no attempt.
 *
 * @param submission  the new submission, null when refused
 * @param refusal     message key of a refusal (deadline, attempts, cooldown), null otherwise
 * @param refusalArgs arguments of that message
 * @param fieldErrors messages by parameter or hook name
 */
public record SubmitOutcome(Submission submission, String refusal, List<Object> refusalArgs,
                            Map<String, String> fieldErrors) {

  static SubmitOutcome accepted(Submission submission) {
    return new SubmitOutcome(submission, null, List.of(), Map.of());
  }

  static SubmitOutcome refused(String key, Object... args) {
    return new SubmitOutcome(null, key, List.of(args), Map.of());
  }

  static SubmitOutcome invalid(Map<String, String> fieldErrors) {
    return new SubmitOutcome(null, "lab.submit.invalid", List.of(), fieldErrors);
  }

  public boolean isAccepted() {
    return submission != null;
  }
}
