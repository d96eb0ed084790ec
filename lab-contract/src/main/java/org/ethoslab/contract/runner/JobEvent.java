package org.ethoslab.contract.runner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of a running job, as forwarded to {@code POST /jobs/{id}/events} in batches.
 * The app stores each {@code seq} once: re-sending a batch changes nothing.
 *
 * @param seq   1-based, gap-free per job
 * @param type  {@code progress}, {@code log}, {@code metric} or {@code phase}
 * @param data  the event as a JSON object; its {@code channel} field ({@link EventChannel}) is set by the runner from
 *              the pipe the event arrived on
 */
public record JobEvent(long seq, String type, JsonNode data) {
}
