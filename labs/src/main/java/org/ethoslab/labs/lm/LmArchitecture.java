package org.ethoslab.labs.lm;

/**
 * The tiny GPT's shape: model width, transformer layers, attention heads and context length in word tokens. The
 * vocabulary size comes from the tokenizer.
 */
public record LmArchitecture(int dim, int layers, int heads, int context) {
  public LmArchitecture {
    if (dim < 4 || layers < 1 || heads < 1 || context < 8 || dim % heads != 0) {
      throw new IllegalArgumentException("bad architecture: dim " + dim + ", layers " + layers + ", heads "
          + heads + ", context " + context + " (dim must be divisible by heads, context ≥ 8)");
    }
  }
}
