package org.ethoslab.contract.runner;

/** Body of {@code POST /jobs/claim}. The app answers 204 (nothing to do within the long-poll) or a {@link ClaimResponse}. */
public record ClaimRequest(String runnerId, RunnerCapabilities capabilities) {
}
