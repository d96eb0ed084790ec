/** The labs command line: list, describe, run (untrusted), evaluate (trusted). */
package org.ethoslab.labs.cli;
