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
  private final Gate gate;

  public EventSink(PrintStream out) {
    this(out, wait -> { });
  }

  private EventSink(PrintStream out, Gate gate) {
    this.out = out;
    this.gate = gate;
  }

  /**
   * What the trainer's events pass: the student's hooks having loaded. A phase after {@code preparing} waits for it
   * (no run trains on code that did not compile); a progress event only looks, so a failed load stops the
   * preparation at its next report. Either throws the load's failure.
   */
  @FunctionalInterface
  public interface Gate {
    void check(boolean wait);
  }

  /** The same sink, its events passing {@code gate}. */
  public EventSink gatedBy(Gate next) {
    return new EventSink(out, next);
  }

  public void phase(String phase) {
    gate.check(!phase.equals("preparing"));
    emit(node("phase").put("phase", phase));
  }

  public void progress(double fraction, String message) {
    gate.check(false);
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

  private void emit(ObjectNode node) {
    try {
      String line = ContractJson.MAPPER.writeValueAsString(node);
      synchronized (out) {
        out.println(line);
        out.flush();
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event not serialisable", e);
    }
  }
}
