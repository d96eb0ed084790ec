package org.ethoslab.contract.runner;

/**
 * Optional reply body of {@code POST /jobs/{id}/events}: the highest seq the app has stored without a gap. A runner
 * that sent more resends from {@code lastSeq + 1} (resync); an empty 2xx reply means the whole batch was stored.
 *
 * @param lastSeq highest gap-free seq stored for the job (0 when none)
 */
public record EventsAck(long lastSeq) {
}
