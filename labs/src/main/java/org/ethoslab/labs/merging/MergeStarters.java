package org.ethoslab.labs.merging;

/** Starter code of the five merge hooks: compiles, returns the base unchanged, says what to compute. */
final class MergeStarters {
  private MergeStarters() {
  }

  static String starter(MergeHook hook) {
    String name = hook.hookName();
    String todo = switch (hook) {
      case MERGE_ALIGN -> "theta = base + alpha * (domain - base) + (1 - alpha) * (aligned - base)";
      case TASK_ARITHMETIC -> "theta = base + lambda * sum_i w_i * (model_i - base)";
      case TIES -> "trim each tau_i to its top floor(density * n) magnitudes; gamma = sign(sum_i w_i tau'_i);\n"
          + "            // delta = sum of w_i tau'_i over agreeing non-zero entries / sum of their w_i;"
          + " theta = base + lambda * delta";
      case DARE -> "tau~_i = tau_i * keepMask / density (settings.keepMask(i, name, n));\n"
          + "            // then linear (base + lambda * sum_i w_i tau~_i) or, if settings.dareTies(), TIES"
          + " election + disjoint mean";
      case SLERP -> "per tensor: cos of v0 = domain, v1 = aligned; |cos| > 0.9995 -> (1-t) v0 + t v1;\n"
          + "            // else sin((1-t) omega)/sin omega * v0 + sin(t omega)/sin omega * v1";
    };
    return """
        import java.util.LinkedHashMap;
        import java.util.List;
        import java.util.Map;
        import org.ethoslab.hooks.ParameterTree;
        import org.ethoslab.hooks.merging.MergeSettings;

        public class %s implements org.ethoslab.hooks.merging.MergeMethod {
          @Override
          public ParameterTree merge(ParameterTree base, List<ParameterTree> models, MergeSettings s) {
            // models.get(0) is the domain expert, models.get(1) the aligned model.
            // Throw IllegalArgumentException when a model's names or shapes differ from the base's.
            Map<String, ParameterTree.Tensor> out = new LinkedHashMap<>();
            for (String name : base.names()) {
              float[] b = base.get(name).values();
              float[] merged = b.clone();
              // %s
              out.put(name, base.get(name).withValues(merged));
            }
            return new ParameterTree(out);
          }
        }
        """.formatted(name, todo);
  }
}
