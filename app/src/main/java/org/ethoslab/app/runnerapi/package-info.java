/**
 * The HTTP API runners use under {@code /api/runner/v1}, and the registered runners with their hashed tokens.
 *
 * <p>Every call carries {@code Authorization: Bearer <runner token>}; a missing, wrong or revoked token gets 401 with
 * a JSON body {@code {"status", "error"}}. Bodies are the records of {@code org.ethoslab.contract.runner}.
 * <ul>
 *   <li>{@code POST /jobs/claim} ClaimRequest → 200 ClaimResponse (the full job input, {@code hidden} included, for
 *       the trusted evaluate phase) or 204 after the long-poll ({@code ethoslab.queue.claim-wait}, at most 30 s;
 *       {@code ?waitSeconds=N} asks for less).</li>
 *   <li>{@code POST /jobs/{id}/heartbeat} → HeartbeatResponse: extends the lease; {@code cancel} when the job was
 *       cancelled; {@code leaseLost} (still 200) when the caller no longer holds the job: stop without completing.</li>
 *   <li>{@code POST /jobs/{id}/events} [JobEvent…] → {@code {"stored", "duplicates", "lastSeq"}}: each seq stored
 *       once per attempt; {@code lastSeq} is the highest seq up to which the app has every event.</li>
 *   <li>{@code PUT /jobs/{id}/artifacts/{name}} raw bytes → the stored artifact's sha256 and size; 413 with a
 *       message past {@code ethoslab.queue.artifact-max-bytes}, or when the job's offering has used its
 *       {@code ethoslab.queue.offering-artifact-budget-mb} (the {@code error} text is for the student; the run is
 *       graded all the same). Nothing is stored after a 413.</li>
 *   <li>{@code PUT /labs} [LabSpec…] (at most 1 MB) → {@code {"published", "changed", "labs"}}: the specs of the labs
 *       the runner can run, validated (ids and versions as the queue accepts them, typed parameters with sane
 *       bounds, hook names that are Java class names, every text capped; 400 names the first bad field and stores
 *       nothing) and upserted by lab id and version; the same specs again change nothing.</li>
 *   <li>{@code POST /jobs/{id}/complete} CompleteRequest → {@code {"result": "RECORDED" | "REPEATED" | "REQUEUED"}}:
 *       the same body again is a no-op 200; a different body after the end is 409; INFRASTRUCTURE_ERROR re-queues.</li>
 * </ul>
 * Only the runner holding a job's lease may act on it (else 409); bad bodies get 400 naming the field; 503 with
 * {@code Retry-After} when the database is momentarily busy.
 */
package org.ethoslab.app.runnerapi;
