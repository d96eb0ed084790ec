package org.ethoslab.runner.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of a running job, as forwarded to {@code POST /jobs/{id}/events} in batches.
 * The app stores each {@code seq} once: re-sending a batch changes nothing.
 *
 * @param seq   1-based, gap-free per job
 * @param type  {@code progress}, {@code log}, {@code metric} or {@code phase}
 * @param data  the event as the lab emitted it (JSON object)
 */
public record JobEvent(long seq, String type, JsonNode data) {
}
