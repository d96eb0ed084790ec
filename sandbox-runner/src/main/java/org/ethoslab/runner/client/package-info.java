/** The runner's HTTP client of the protocol under /api/runner/v1, with retries. */
package org.ethoslab.runner.client;
