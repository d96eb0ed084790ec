package org.ethoslab.labs.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import org.ethoslab.contract.ContractJson;

/**
 * Writes lab events as one JSON object per line. The CLI hands it the real stdout and points {@code System.out} at
 * stderr, so nothing else (DJL, student code) can interleave a partial line with the events.
 */
public final class EventSink {
  private final PrintStream out;

  public EventSink(PrintStream out) {
    this.out = out;
  }

  public void phase(String phase) {
    emit(node("phase").put("phase", phase));
  }

  public void progress(double fraction, String message) {
    emit(node("progress").put("fraction", Math.max(0, Math.min(1, fraction))).put("message", message));
  }

  public void log(String level, String message) {
    emit(node("log").put("level", level).put("message", message));
  }

  public void metric(String name, int step, double value, String series) {
    ObjectNode n = node("metric").put("name", name).put("step", step).put("value", value);
    if (series != null) {
      n.put("series", series);
    }
    emit(n);
  }

  public void error(LabFailure failure) {
    ObjectNode n = node("error").put("kind", failure.kind().name());
    if (failure.file() != null) {
      n.put("file", failure.file());
    }
    if (failure.line() != null) {
      n.put("line", failure.line());
    }
    n.put("message", failure.getMessage());
    emit(n);
  }

  private static ObjectNode node(String type) {
    return ContractJson.MAPPER.createObjectNode().put("type", type);
  }

  private synchronized void emit(ObjectNode node) {
    try {
      out.println(ContractJson.MAPPER.writeValueAsString(node));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event not serialisable", e);
    }
  }
}
