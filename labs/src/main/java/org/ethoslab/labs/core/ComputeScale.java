package org.ethoslab.labs.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.job.JobInput;

/**
 * A lab's "scale" for the GPU tier: bigger defaults (more data, more seeds, longer training, a bigger model where the
 * lab has one) used when a job runs on a GPU ({@code resources.device = gpu}). They only replace defaults: a value the
 * job gives itself always wins, and every scaled value is validated against the lab's bounds like any other. Run and
 * evaluate both resolve parameters through here, so the trusted phase grades the same configuration that ran.
 *
 * <p>Mixed precision is not used: DJL 0.35.1 exposes no automatic mixed precision (no autocast, no gradient scaler),
 * and casting the labs' small heads to float16 without fp32 master weights and loss scaling loses the small updates
 * they learn from. The labs' models are small enough that a GPU job is bound by kernel launches, not arithmetic.
 */
public final class ComputeScale {

  private ComputeScale() {
  }

  /**
   * The parameters a job runs with: {@code given} plus, on the GPU, {@code gpuDefaults} for every parameter the job
   * left out. On the CPU {@code given} is returned as it is.
   */
  public static JsonNode params(JsonNode given, JobInput.Resources resources, Map<String, Object> gpuDefaults) {
    if (!"gpu".equals(resources.device()) || gpuDefaults.isEmpty()) {
      return given;
    }
    ObjectNode scaled = given.isObject() ? ((ObjectNode) given).deepCopy() : ContractJson.MAPPER.createObjectNode();
    gpuDefaults.forEach((name, value) -> {
      if (!scaled.hasNonNull(name)) {
        scaled.set(name, ContractJson.MAPPER.valueToTree(value));
      }
    });
    return scaled;
  }
}
