/**
 * The executor seam (GitLab Runner's shape): how the untrusted stage of a job runs — in bubblewrap, or as a plain
 * process for development.
 */
package org.ethoslab.runner.executor;
