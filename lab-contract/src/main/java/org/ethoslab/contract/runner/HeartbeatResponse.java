package org.ethoslab.contract.runner;

/**
 * Reply to {@code POST /jobs/{id}/heartbeat}.
 *
 * @param cancel        true when the student or an instructor cancelled the job: stop it and complete as CANCELLED
 * @param leaseSeconds  the renewed lease
 * @param leaseLost     true when the lease already expired and the job went back to the queue: stop without completing
 */
public record HeartbeatResponse(boolean cancel, int leaseSeconds, boolean leaseLost) {
}
