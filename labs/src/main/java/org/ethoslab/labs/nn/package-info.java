/** DJL models and training: the MiniLM sentence encoder, stacked classifiers, soft-label loss, the tiny GPT. */
package org.ethoslab.labs.nn;
