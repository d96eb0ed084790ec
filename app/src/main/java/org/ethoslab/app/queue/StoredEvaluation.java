package org.ethoslab.app.queue;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.lab.Evaluation;

/**
 * Reads the trusted phase's {@link Evaluation}, kept as JSON text on a job and on its submission, with the contract's
 * own mapper, so the app reads it exactly as the runner wrote it and never by hand-picked string keys.
 */
public final class StoredEvaluation {

  private StoredEvaluation() {
  }

  /**
   * The stored evaluation; grading calls this, where an unreadable evaluation must stop the grade.
   *
   * @throws IllegalStateException when the text is not an Evaluation
   */
  public static Evaluation read(String json) {
    try {
      return ContractJson.MAPPER.readValue(json, Evaluation.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the stored evaluation is not an Evaluation: " + e.getOriginalMessage(), e);
    }
  }

  /** The stored evaluation, or empty when there is none or it is unreadable (pages still show everything else). */
  public static Optional<Evaluation> find(String json) {
    if (json == null || json.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(ContractJson.MAPPER.readValue(json, Evaluation.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
