/** Shared tiny-language-model infrastructure: tokenizer, seeded corpora, model wrapper, cache and refusal judge. */
package org.ethoslab.labs.lm;
