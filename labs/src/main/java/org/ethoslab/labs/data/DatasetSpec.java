package org.ethoslab.labs.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ethoslab.labs.core.LabFailure;

/**
 * An uploaded labelled dataset as a job names it:
 * {@code {"file": "train.csv", "format": "csv|jsonl", "textColumn": "prompt", "pairColumn": "clause",
 * "labelColumn": "label", "labelValues": {"safe": 0, "unsafe": 1}}} ({@code pairColumn} and {@code labelValues}
 * optional; without {@code labelValues} labels are read as integers).
 */
public record DatasetSpec(String file, String format, ColumnMapping mapping) {

  /** Parses the object at {@code field} (e.g. {@code dataset}, {@code hidden.dataset}), naming bad entries. */
  public static DatasetSpec parse(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      throw LabFailure.badInput(field, "must be an object with file, format, textColumn and labelColumn");
    }
    String format = text(node, "format", field);
    if (!format.equals("csv") && !format.equals("jsonl")) {
      throw LabFailure.badInput(field + ".format", "must be csv or jsonl, got " + format);
    }
    Map<String, Integer> labels = new LinkedHashMap<>();
    JsonNode values = node.path("labelValues");
    if (values.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isInt() || e.getValue().asInt() < 0) {
          throw LabFailure.badInput(field + ".labelValues." + e.getKey(), "must be a class index >= 0");
        }
        labels.put(e.getKey(), e.getValue().asInt());
      }
    }
    String pair = node.hasNonNull("pairColumn") ? node.get("pairColumn").asText() : null;
    return new DatasetSpec(text(node, "file", field), format,
        new ColumnMapping(text(node, "textColumn", field), pair, text(node, "labelColumn", field), labels));
  }

  private static String text(JsonNode node, String name, String field) {
    JsonNode v = node.get(name);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw LabFailure.badInput(field + "." + name, "required text field is missing");
    }
    return v.asText();
  }

  public boolean isPair() {
    return mapping.pairColumn() != null;
  }

  /** Reads the examples from {@code path} (resolved by the caller) under the given limits. */
  public List<TextExample> read(Path path, ImportLimits limits) throws IOException {
    return format.equals("csv") ? mapping.readCsv(path, limits) : mapping.readJsonLines(path, limits);
  }
}
