package org.ethoslab.labs.prefopt;

import java.util.List;
import java.util.Map;

/**
 * The run phase's manifest ({@code prefopt-manifest.json}): the SFT model it started from (recipe hash), the losses it
 * trained — {@code losses.get(0)} with the student's hook when given, the others with the reference — each in
 * {@code policy-<loss>.params}, and provenance. Training curves (reported, not graded) are in
 * {@code training-curves.json}.
 */
record PrefoptArtifacts(String sftModel, List<String> losses, boolean studentHook, int trainPairs,
            int uploadedPairs, Map<String, Object> provenance) {

  static final String MANIFEST = "prefopt-manifest.json";
  static final String CURVES = "training-curves.json";

  static String policyFile(String loss) {
    return "policy-" + loss + ".params";
  }
}
