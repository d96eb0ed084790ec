package org.ethoslab.app.runnerapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The runner API's error body, {@code {"status": 409, "error": "…"}}, written the same way from filters and controllers. */
final class RunnerApiErrors {

  private final ObjectMapper json;

  RunnerApiErrors(ObjectMapper json) {
    this.json = json;
  }

  void write(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"ethoslab-runner\"");
    }
    response.getOutputStream().write(body(status, message));
  }

  ResponseEntity<byte[]> entity(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(status.value(), message));
  }

  private byte[] body(int status, String message) {
    try {
      return json.writeValueAsBytes(Map.of("status", status, "error", message == null ? "" : message));
    } catch (IOException e) {
      throw new IllegalStateException("an error body of two plain fields is always writable", e);
    }
  }
}
