package org.ethoslab.runner.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.ethoslab.contract.runner.ClaimResponse;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.gpu.GpuShare;

/**
 * Which device a job runs on. It asks for a GPU through its compute tier ({@code gpu}) or {@code resources.device}
 * ({@code gpu}); it gets one only when its slot holds a GPU share, and the job file then says {@code device: gpu}
 * (which is what selects the labs' GPU-tier scale settings). A job that asks without a share runs on the CPU and is
 * told so: the app gives {@code gpu}-tier jobs only to runners that reported a GPU, so this happens only for a
 * {@code resources.device} set on CPU-tier work.
 */
final class DevicePolicy {

  static final String GPU_TIER = "gpu";

  private DevicePolicy() {
  }

  static Optional<GpuShare> choose(ClaimResponse claim, JsonNode input, Optional<GpuShare> held, EventStream events)
      throws JobFailure {
    JsonNode device = input.path("resources").path("device");
    String asked = device.isMissingNode() || device.isNull() ? "cpu" : device.asText();
    if (!device.isMissingNode() && !device.isNull() && !device.isTextual()
        || !asked.equals("cpu") && !asked.equals("gpu")) {
      throw new JobFailure(FailureKind.JOB, Outcome.BAD_INPUT, "input field resources.device must be \"cpu\" or "
          + "\"gpu\", was " + device);
    }
    boolean wantsGpu = asked.equals("gpu") || GPU_TIER.equals(claim.computeTier());
    if (!wantsGpu) {
      return Optional.empty();
    }
    if (held.isEmpty()) {
      events.childLine(true, "This job asked for a GPU but the runner has none free for it; running on the CPU.");
    }
    return held;
  }
}
