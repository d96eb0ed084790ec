/** The HTTP API runners use under {@code /api/runner/v1}, and the registered runners with their hashed tokens. */
package org.ethoslab.app.runnerapi;
