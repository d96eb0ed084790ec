/**
 * The framing of the hook channel: how the trusted trainer and evaluator talk to the hook host, the process that
 * alone runs student code. The runner relays these frames and reads only their headers; the payloads of calls and
 * results are encoded by the hook API module ({@code lab-hooks}).
 */
package org.ethoslab.contract.hook;
