package org.ethoslab.app.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ethoslab.contract.runner.EventChannel;

/**
 * Who a stored job event comes from, by the {@code channel} the runner stamped on it from the pipe it arrived on
 * (never from a field student code can print): only the runner's and the lab's own events may move the run page's
 * phases, progress and curves. What student code printed is shown as the student's own output.
 */
final class EventChannels {

  /** The server-sent event name for a line of the student's own output. */
  static final String STUDENT = "student";

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventChannels() {
  }

  /** True for events of the runner or the lab. */
  static boolean trusted(JsonNode event) {
    String channel = event.path("channel").asText("");
    return EventChannel.RUNNER.wireName().equals(channel) || EventChannel.LAB.wireName().equals(channel);
  }

  /**
   * The name a stored event is streamed under: its own type for the runner's and the lab's events, {@value #STUDENT}
   * for the student's output, and a plain {@code log} line for an event that names no channel (it can move nothing).
   */
  static String streamName(String type, String data) {
    JsonNode event;
    try {
      event = JSON.readTree(data);
    } catch (JsonProcessingException e) {
      return "log";
    }
    if (event != null && trusted(event)) {
      return type;
    }
    String channel = event == null ? "" : event.path("channel").asText("");
    return EventChannel.STUDENT.wireName().equals(channel) ? STUDENT : "log";
  }
}
