package org.ethoslab.labs.lm;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Everything that determines a cached model's weights: its name, architecture, training corpus (an id the lab
 * resolves, with the corpus version, size and seed), training settings, the parent's hash for a fine-tune ({@code
 * null} for a model trained from scratch) and the vocabulary fingerprint. Equal recipes give bit-identical models on
 * one machine, so {@link #hash()} names the cache folder.
 */
public record ModelRecipe(String name, LmArchitecture architecture, String corpus, int corpusSize, long corpusSeed,
             LmTrainingSettings training, String parentHash, String vocabulary)
    implements ModelCache.Key {

  public ModelRecipe {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,40}")) {
      throw new IllegalArgumentException("recipe name must be lower-case letters, digits and dashes: " + name);
    }
  }

  /** 12 hex digits of the SHA-256 of this recipe's canonical JSON. */
  @JsonIgnore
  @Override
  public String hash() {
    return ConfigHash.ofJson(this);
  }

  /** The cache folder's name: {@code <name>-<hash>}. */
  @JsonIgnore
  @Override
  public String folderName() {
    return name + "-" + hash();
  }
}
