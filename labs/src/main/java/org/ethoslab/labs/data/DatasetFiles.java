package org.ethoslab.labs.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.labs.core.LabFailure;

/**
 * Reads uploaded dataset files as JSON Lines or CSV records, enforcing {@link ImportLimits}; every problem is a
 * {@code BAD_INPUT} failure naming the file's line ("dataset: line 12: …").
 */
public final class DatasetFiles {
  private DatasetFiles() {
  }

  /** A parsed record and the (1-based) line it starts on. */
  public record Row<T>(int line, T value) {
  }

  public static LabFailure error(int line, String problem) {
    return LabFailure.badInput("dataset", "line " + line + ": " + problem);
  }

  static void checkSize(Path file, ImportLimits limits) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw LabFailure.badInput("dataset", "file not found: " + file);
    }
    long size = Files.size(file);
    if (size > limits.maxBytes()) {
      throw LabFailure.badInput("dataset", "file is " + size + " bytes, more than the limit of "
          + limits.maxBytes());
    }
  }

  /** One JSON object per non-blank line. */
  public static List<Row<JsonNode>> readJsonLines(Path file, ImportLimits limits) throws IOException {
    checkSize(file, limits);
    List<Row<JsonNode>> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        if (rows.size() >= limits.maxRows()) {
          throw error(number, "more than " + limits.maxRows() + " records");
        }
        JsonNode node;
        try {
          node = ContractJson.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
          throw error(number, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
          throw error(number, "expected a JSON object");
        }
        rows.add(new Row<>(number, node));
      }
    }
    return rows;
  }

  /** Text of a required string field, checked against the field-size limit. */
  public static String text(Row<JsonNode> row, String field, ImportLimits limits) {
    JsonNode v = row.value().get(field);
    if (v == null || v.isNull()) {
      throw error(row.line(), "missing field \"" + field + "\"");
    }
    if (!v.isTextual()) {
      throw error(row.line(), "field \"" + field + "\" must be a string");
    }
    if (v.asText().length() > limits.maxFieldChars()) {
      throw error(row.line(), "field \"" + field + "\" is longer than " + limits.maxFieldChars()
          + " characters");
    }
    return v.asText();
  }

  /** CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) with a header row. */
  public static CsvTable readCsv(Path file, ImportLimits limits) throws IOException {
    checkSize(file, limits);
    String content = Files.readString(file, StandardCharsets.UTF_8);
    return CsvTable.parse(content, limits);
  }
}
