package org.ethoslab.contract.runner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A leased job.
 *
 * @param jobId         queue id of the job
 * @param lab           lab id, e.g. {@code w2s}
 * @param labVersion    lab version
 * @param input         the job input: {@code {seed, params, hooks, ...}} as the labs CLI reads it
 * @param leaseSeconds  the lease; the runner heartbeats well before it runs out
 * @param attempt       1 for the first try; higher after a lease expired
 * @param computeTier   {@code cpu-small} or {@code gpu}
 */
public record ClaimResponse(long jobId, String lab, String labVersion, JsonNode input, int leaseSeconds, int attempt,
                            String computeTier) {
}
