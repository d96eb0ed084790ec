/**
 * The pieces of the sandbox chain that are not bubblewrap itself: cgroups, limits, JDK mounts, the seccomp filter,
 * isolation levels and the start-up canary.
 */
package org.ethoslab.runner.sandbox;
