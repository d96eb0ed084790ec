package org.ethoslab.hooks.merging;

import java.util.List;
import org.ethoslab.hooks.ParameterTree;

/**
 * Student hook: merges fine-tuned models that share a base, parameter by parameter by name. {@code models.get(0)}
 * is the domain expert θ_D and {@code models.get(1)} the aligned model θ_A (probes may pass a third model to the
 * methods that take any number). Task vectors are τ_i = θ_i − θ_base. Every tree must have the base's names and
 * shapes: otherwise throw an {@link IllegalArgumentException} that names the parameter. Return a new tree with the
 * base's names, order and shapes; do not modify the inputs.
 */
public interface MergeMethod {
  ParameterTree merge(ParameterTree base, List<ParameterTree> models, MergeSettings settings);
}
