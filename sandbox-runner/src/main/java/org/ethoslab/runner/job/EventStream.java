package org.ethoslab.runner.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.ethoslab.contract.runner.EventChannel;
import org.ethoslab.contract.runner.JobEvent;

/**
 * A job's events on their way to the app, numbered 1, 2, 3… per job, each stamped with the {@link EventChannel} it
 * arrived on: the lab's JSON lines (reported, never graded), what student code printed (always a plain log line),
 * and the runner's own phase events. The stamp replaces any {@code channel} or {@code source} field an event
 * carries, so nothing can print itself into another channel. The app's reply to each batch says how far it has them
 * without a gap, and the stream resends from there (resync). A failed upload never fails the job: it is retried at the next flush.
 */
public final class EventStream {

  /** A seq sender: returns the highest gap-free seq the receiver stored. */
  @FunctionalInterface
  public interface Sender {
    long send(List<JobEvent> batch) throws IOException, InterruptedException;
  }

  private static final Logger LOG = Logger.getLogger(EventStream.class.getName());
  private static final Set<String> FORWARDED_TYPES = Set.of("progress", "log", "metric", "phase");
  private static final int MAX_MESSAGE_CHARS = 2000;
  private static final int BATCH = 200;

  private final ObjectMapper json;
  private final Sender sender;
  private final long maxEvents;
  /** Every event of the job, kept until the job ends so that any seq can be resent. */
  private final List<JobEvent> all = new ArrayList<>();
  private long nextSeq = 1;
  private long acknowledged;
  private long dropped;
  /** One flush at a time; separate from the monitor that guards the events, so output never waits for the network. */
  private final Object flushing = new Object();

  public EventStream(ObjectMapper json, Sender sender, long maxEvents) {
    this.json = json;
    this.sender = sender;
    this.maxEvents = maxEvents;
  }

  /** One line of a lab process's output (trainer, evaluator): a JSON event on stdout, anything else a log line. */
  public void childLine(boolean stderr, String line) {
    if (line.isBlank()) {
      return;
    }
    if (!stderr && line.startsWith("{")) {
      try {
        JsonNode node = json.readTree(line);
        if (node instanceof ObjectNode event && event.path("type").isTextual()) {
          String type = event.get("type").asText();
          add(FORWARDED_TYPES.contains(type) ? type : "log", stamped(event, EventChannel.LAB));
          return;
        }
      } catch (JsonProcessingException notJson) {
        // Printed text that merely starts with '{': forwarded as a log line below.
      }
    }
    add("log", logLine(stderr ? "warn" : "info", stderr ? "stderr" : "stdout", line, EventChannel.LAB));
  }

  /** One line student code printed in the hook host: only ever a log line, whatever it looks like. */
  public void studentLine(String line) {
    if (!line.isBlank()) {
      add("log", logLine("info", "student", line, EventChannel.STUDENT));
    }
  }

  private ObjectNode logLine(String level, String stream, String line, EventChannel channel) {
    ObjectNode log = json.createObjectNode();
    log.put("type", "log");
    log.put("level", level);
    log.put("stream", stream);
    log.put("message", line.length() > MAX_MESSAGE_CHARS ? line.substring(0, MAX_MESSAGE_CHARS) + "…" : line);
    return stamped(log, channel);
  }

  private static ObjectNode stamped(ObjectNode event, EventChannel channel) {
    event.remove("source");
    event.put("channel", channel.wireName());
    return event;
  }

  /** A phase of the job lifecycle, reported by the runner itself. */
  public void phase(String phase, String message) {
    ObjectNode event = json.createObjectNode();
    event.put("type", "phase");
    event.put("phase", phase);
    event.put("message", message);
    add("phase", stamped(event, EventChannel.RUNNER));
  }

  private synchronized void add(String type, ObjectNode data) {
    if (nextSeq > maxEvents) {
      dropped++;
      return;
    }
    all.add(new JobEvent(nextSeq++, type, data));
  }

  /** Sends what the app does not have yet, in batches; keeps it when the app cannot be reached. */
  public void flush() throws InterruptedException {
    synchronized (flushing) {
      flushOnce();
    }
  }

  private void flushOnce() throws InterruptedException {
    // Bounded: an app that keeps asking for the same seq must not hold the job's thread here.
    for (int round = 0; round < 50; round++) {
      List<JobEvent> batch;
      synchronized (this) {
        if (acknowledged >= all.size()) {
          return;
        }
        batch = List.copyOf(all.subList((int) acknowledged, (int) Math.min(all.size(), acknowledged + BATCH)));
      }
      long stored;
      try {
        stored = sender.send(batch);
      } catch (IOException e) {
        LOG.warning("Events not delivered yet (" + e.getMessage() + "); kept for the next flush");
        return;
      }
      long last = batch.get(batch.size() - 1).seq();
      synchronized (this) {
        if (stored < last) {
          LOG.info("App has events up to seq " + stored + "; resending from " + (stored + 1));
        }
        // Resync: the app's word is what it has, even if that is less than it acknowledged before.
        acknowledged = Math.max(0, Math.min(stored, all.size()));
      }
    }
  }

  /** The last seq handed out (what {@code complete} reports). */
  public synchronized long lastSeq() {
    return nextSeq - 1;
  }

  /** Events dropped because the job printed more than {@code maxEvents}. */
  public synchronized long dropped() {
    return dropped;
  }
}
