/**
 * The runner protocol (HTTP JSON under {@code /api/runner/v1}, bearer runner token): the records both the app and
 * the runner serialize, so the two sides cannot drift apart. Besides claim, heartbeat, events, artifacts and
 * complete, a runner publishes the specs of the labs it can run ({@code PUT /labs}, a JSON array of
 * {@link org.ethoslab.contract.lab.LabSpec}), which is where the app's lab catalog comes from.
 */
package org.ethoslab.contract.runner;
