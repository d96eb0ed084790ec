package org.ethoslab.runner.executor;

import org.ethoslab.runner.sandbox.IsolationLevel;

/**
 * What an executor provider can do on this machine, as detected at start.
 *
 * @param isolation         the detected isolation level
 * @param cgroups           per-job cgroup limits are enforced (cgroup v1 or v2)
 * @param unprivilegedUser  jobs run as a per-slot unprivileged uid with no capabilities
 * @param detail            how it was detected, in plain words (logged and shown in health)
 */
public record ExecutorFeatures(IsolationLevel isolation, boolean cgroups, boolean unprivilegedUser, String detail) {
}
