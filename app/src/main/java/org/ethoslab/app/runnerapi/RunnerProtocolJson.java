package org.ethoslab.app.runnerapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;

/**
 * Reads and writes the runner protocol records. The records carry Jackson 2 {@code JsonNode}s (the runner module is
 * plain Jackson 2), while Spring Boot 4's MVC converters use Jackson 3; so the runner API converts its bodies here with
 * the same Jackson the runner uses, and both sides read the records identically.
 */
public final class RunnerProtocolJson {

  private final ObjectMapper mapper = JsonMapper.builder()
      // A newer runner may send fields this app does not know yet; the protocol is versioned by URL, not by field.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /** Parses a request body; a bad body becomes an {@link IllegalArgumentException} naming where it went wrong. */
  public <T> T read(byte[] body, Class<T> type) {
    if (body == null || body.length == 0) {
      throw new IllegalArgumentException("body: expected a JSON " + type.getSimpleName());
    }
    try {
      return mapper.readValue(body, type);
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException("body: not a valid " + type.getSimpleName() + " at "
          + e.getPathReference() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("body: not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Parses a JSON array of records. */
  public <T> List<T> readList(byte[] body, Class<T> element) {
    if (body == null || body.length == 0) {
      throw new IllegalArgumentException("body: expected a JSON array of " + element.getSimpleName());
    }
    try {
      return mapper.readValue(body, mapper.getTypeFactory().constructCollectionType(List.class, element));
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException("body: not a valid array of " + element.getSimpleName() + " at "
          + e.getPathReference() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("body: not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Writes a record as the response body. */
  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("a protocol record could not be written: " + e.getMessage(), e);
    }
  }

  /** Parses stored JSON text (a job's input) into a tree for a response record. */
  public JsonNode tree(String storedJson) {
    try {
      return mapper.readTree(storedJson);
    } catch (IOException e) {
      throw new IllegalStateException("stored job JSON is unreadable: " + e.getMessage(), e);
    }
  }

  RunnerApiErrors errors() {
    return new RunnerApiErrors(mapper);
  }
}
