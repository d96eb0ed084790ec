/** The benchmark harness for the W2S lab and the tiny GPT. */
package org.ethoslab.labs.bench;
