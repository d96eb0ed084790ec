/**
 * What the app, the runner and the labs exchange, as records in one small module without DJL: lab specs, the job
 * input, events, the Evaluation, the labs CLI's exit codes, the runner protocol and the hook channel's framing.
 */
package org.ethoslab.contract;
