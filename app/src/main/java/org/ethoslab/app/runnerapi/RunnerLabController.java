package org.ethoslab.app.runnerapi;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.ethoslab.app.labspec.PublishedLabs;
import org.ethoslab.contract.lab.LabSpec;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/runner/v1/labs}: a runner publishes the specs of the labs it can run (a JSON array of
 * {@link LabSpec}), which is what the app's lab catalog is made of. Idempotent: the same specs again change nothing.
 */
@RestController
@RequestMapping("/api/runner/v1/labs")
class RunnerLabController {

  /** Largest body accepted; the three built-in labs take about 25 KB. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private final PublishedLabs labs;
  private final RunnerRegistry registry;
  private final RunnerProtocolJson json;

  RunnerLabController(PublishedLabs labs, RunnerRegistry registry, RunnerProtocolJson json) {
    this.labs = labs;
    this.registry = registry;
    this.json = json;
  }

  /**
   * Validates and stores the specs: 200 {@code {"published", "changed", "labs"}}, or 400 naming the first bad field
   * (nothing is stored then).
   */
  @PutMapping
  ResponseEntity<byte[]> publish(@AuthenticationPrincipal RunnerPrincipal runner, HttpServletRequest request)
      throws IOException {
    registry.seen(runner.runnerId());
    List<LabSpec> specs = json.readList(readCapped(request), LabSpec.class);
    PublishedLabs.Publication done = labs.publish(specs, runner.name());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.write(Map.of(
        "published", done.received(), "changed", done.changed(),
        "labs", specs.stream().map(s -> s.id() + "@" + s.version()).toList())));
  }

  /** The body, refused before it is read when its declared length is too large, and while reading past the cap. */
  private static byte[] readCapped(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > MAX_BODY_BYTES) {
      throw new IllegalArgumentException(tooLarge(declared));
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new IllegalArgumentException(tooLarge(-1));
      }
      return body;
    }
  }

  private static String tooLarge(long bytes) {
    return "body: " + (bytes < 0 ? "more than " + MAX_BODY_BYTES : Long.toString(bytes)) + " bytes of lab specs, the "
        + "limit is " + MAX_BODY_BYTES;
  }
}
