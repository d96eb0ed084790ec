/** One job from claim to verdict: its files, limits, lifecycle, verdicts, artifacts, events and the trusted evaluation. */
package org.ethoslab.runner.job;
