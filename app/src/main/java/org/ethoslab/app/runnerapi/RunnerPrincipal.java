package org.ethoslab.app.runnerapi;

/** The authenticated runner of a runner-API request. */
public record RunnerPrincipal(long runnerId, String name) {
}
