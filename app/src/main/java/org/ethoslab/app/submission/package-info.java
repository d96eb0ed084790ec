/**
 * Lab submissions: submitting a lab item (the submission and its queue job in one transaction, attempts, deadlines,
 * cooldown), the live run page over server-sent events, cancel, the graded result page, and run history.
 */
package org.ethoslab.app.submission;
