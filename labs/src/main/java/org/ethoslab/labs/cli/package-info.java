/** The labs command line: list, specs, describe, run (the trainer), evaluate (trusted grading), build-models. */
package org.ethoslab.labs.cli;
