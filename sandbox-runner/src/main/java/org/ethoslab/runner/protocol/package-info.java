/**
 * The runner protocol (HTTP JSON under {@code /api/runner/v1}, bearer runner token): the records both the app
 * and the runner serialize, so the two sides cannot drift apart.
 */
package org.ethoslab.runner.protocol;
