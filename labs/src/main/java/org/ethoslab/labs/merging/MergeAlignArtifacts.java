package org.ethoslab.labs.merging;

import java.util.Map;

/**
 * {@code manifest.json} of a MergeAlign run: the chosen method and settings, the model set and the recipe hashes
 * of the models merged, and whether the merge came from the student's hook or the reference. The merged parameters
 * are in {@link #MERGED}.
 */
record MergeAlignArtifacts(String method, String knob, double knobValue, String models, String baseHash,
              String domainHash, String alignedHash, String hookSource, Map<String, Object> params) {
  static final String MANIFEST = "manifest.json";
  static final String MERGED = "merged.bin";
}
