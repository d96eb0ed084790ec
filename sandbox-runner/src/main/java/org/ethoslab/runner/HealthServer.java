package org.ethoslab.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.ethoslab.runner.loop.RunnerStatus;

/**
 * {@code GET /health} on 127.0.0.1 for the standalone runner: the isolation level, whether student code is accepted,
 * running jobs. 200 while it can take student code, 503 when it refuses it (isolation NONE without the flag).
 */
final class HealthServer implements AutoCloseable {

  private final HttpServer server;

  HealthServer(int port, EmbeddedRunner runner) throws IOException {
    ObjectMapper json = new ObjectMapper();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    server.createContext("/health", exchange -> {
      RunnerStatus status = runner.status();
      ObjectNode body = json.createObjectNode();
      body.put("status", status == null ? "STARTING" : status.studentCode() ? "UP" : "REFUSING_STUDENT_CODE");
      if (status != null) {
        body.put("isolation", status.isolation());
        body.put("isolationDetail", status.isolationDetail());
        body.put("studentCode", status.studentCode());
        body.put("slots", status.slots());
        body.set("runningJobs", json.valueToTree(status.runningJobs()));
        body.put("finishedJobs", status.finishedJobs());
        body.put("lastError", status.lastError());
        body.put("startedAt", status.startedAt().toString());
      }
      byte[] bytes = json.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status != null && status.studentCode() ? 200 : 503, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
