package org.ethoslab.contract.runner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code POST /jobs/{id}/complete}; idempotent: a second call with the same body is a no-op.
 *
 * @param outcome     how the job ended
 * @param message     the verdict in plain words (e.g. {@code Hooks.java:12: ';' expected}), never a stack trace
 * @param evaluation  the trusted phase's Evaluation JSON when {@code outcome} is SUCCEEDED, else null
 * @param lastSeq     the last event seq the runner sent, so the app can tell whether it has them all
 */
public record CompleteRequest(Outcome outcome, String message, JsonNode evaluation, long lastSeq) {
}
