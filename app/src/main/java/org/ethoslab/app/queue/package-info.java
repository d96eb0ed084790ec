/**
 * The lab job queue: jobs waiting for, leased by and finished on a runner, with fair-share claims, leases that a
 * reaper returns to the queue, and the events and artifacts each job produced.
 */
package org.ethoslab.app.queue;
