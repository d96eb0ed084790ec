package org.ethoslab.labs.w2s;

import java.util.Map;

/**
 * The run phase's manifest ({@code w2s-manifest.json}). Each parameter file holds a stack of models (see
 * {@link org.ethoslab.labs.nn.StackedClassifier}): {@code teachers} holds seed 1's K teachers, then seed 2's, …;
 * {@code w2s} and {@code ceiling} hold one model per seed in seed order.
 */
record W2sArtifacts(String task, int numSeeds, int numTeachers, String voting, String weakArchitecture,
          String strongArchitecture, String teachers, String w2s, String ceiling,
          Map<String, Object> provenance) {

  static final String MANIFEST = "w2s-manifest.json";
  static final String TEACHERS = "teachers.params";
  static final String W2S = "w2s.params";
  static final String CEILING = "ceiling.params";
}
