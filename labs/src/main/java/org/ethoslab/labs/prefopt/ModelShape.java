package org.ethoslab.labs.prefopt;

/** The tiny GPT's architecture: width, layers, attention heads and context length in word tokens. */
record ModelShape(int dim, int layers, int heads, int context) {
}
