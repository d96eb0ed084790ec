/**
 * The job's hook host as the runner drives it: started in a sandbox of its own, loaded with the student's classes,
 * watched until it ends, and relayed to the trainer and the evaluator over Unix sockets, one call at a time with a
 * deadline. Why it ended decides whose fault a failure is.
 */
package org.ethoslab.runner.hooks;
