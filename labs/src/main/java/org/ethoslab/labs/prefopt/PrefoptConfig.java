package org.ethoslab.labs.prefopt;

import java.util.ArrayList;
import java.util.List;
import org.ethoslab.labs.core.Params;

/** One preference-optimisation job's settings, read from its validated parameters. */
record PrefoptConfig(ReferenceLoss loss, String compare, double beta, double epsilon, double learningRate, int steps,
           int batchSize, int pairs, int evalPrompts, boolean uploadedPairs) {

  /** The losses of the {@code core} comparison: the paper's headline pair plus IPO. */
  static final List<ReferenceLoss> CORE = List.of(ReferenceLoss.DPO, ReferenceLoss.IPO, ReferenceLoss.NCA);

  static PrefoptConfig from(Params p) {
    return new PrefoptConfig(ReferenceLoss.of(p.getString("loss")), p.getString("compare"), p.getDouble("beta"),
        p.getDouble("epsilon"), p.getDouble("learningRate"), p.getInt("steps"), p.getInt("batchSize"),
        p.getInt("pairs"), p.getInt("evalPrompts"), p.getBoolean("uploadedPairs"));
  }

  /** The job's loss first, then the comparison's other losses, each once. */
  List<ReferenceLoss> trainedLosses() {
    List<ReferenceLoss> out = new ArrayList<>(List.of(loss));
    List<ReferenceLoss> others = switch (compare) {
      case "all" -> List.of(ReferenceLoss.values());
      case "core" -> CORE;
      default -> List.of();
    };
    others.stream().filter(l -> !out.contains(l)).forEach(out::add);
    return out;
  }

  PreferenceTraining.Settings training() {
    return new PreferenceTraining.Settings(beta, epsilon, learningRate, steps, batchSize);
  }
}
