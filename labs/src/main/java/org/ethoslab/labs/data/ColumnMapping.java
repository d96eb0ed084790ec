package org.ethoslab.labs.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generic CSV or JSON Lines import: which column holds the text, the optional second text of a pair, and the label;
 * label values are mapped to classes by {@code labelValues} (e.g. {@code {"safe": 0, "unsafe": 1}}), or read as
 * integers when the map is empty.
 */
public record ColumnMapping(String textColumn, String pairColumn, String labelColumn,
              Map<String, Integer> labelValues) {

  public List<TextExample> readCsv(Path file, ImportLimits limits) throws IOException {
    CsvTable table = DatasetFiles.readCsv(file, limits);
    int text = table.column(textColumn);
    int pair = pairColumn == null ? -1 : table.column(pairColumn);
    int label = table.column(labelColumn);
    List<TextExample> out = new ArrayList<>();
    for (DatasetFiles.Row<List<String>> row : table.rows()) {
      out.add(example(row.line(), row.value().get(text), pair < 0 ? null : row.value().get(pair),
          row.value().get(label)));
    }
    return out;
  }

  public List<TextExample> readJsonLines(Path file, ImportLimits limits) throws IOException {
    List<TextExample> out = new ArrayList<>();
    for (DatasetFiles.Row<JsonNode> row : DatasetFiles.readJsonLines(file, limits)) {
      JsonNode label = row.value().get(labelColumn);
      if (label == null || label.isNull() || label.isContainerNode()) {
        throw DatasetFiles.error(row.line(), "missing field \"" + labelColumn + "\"");
      }
      out.add(example(row.line(), DatasetFiles.text(row, textColumn, limits),
          pairColumn == null ? null : DatasetFiles.text(row, pairColumn, limits), label.asText()));
    }
    return out;
  }

  private TextExample example(int line, String text, String pair, String labelValue) {
    if (text == null || text.isBlank()) {
      throw DatasetFiles.error(line, "empty \"" + textColumn + "\"");
    }
    return new TextExample(text, pair, label(line, labelValue.trim()));
  }

  private int label(int line, String value) {
    if (labelValues != null && !labelValues.isEmpty()) {
      Integer cls = labelValues.get(value);
      if (cls == null) {
        throw DatasetFiles.error(line, "label \"" + value + "\" is not one of " + labelValues.keySet());
      }
      return cls;
    }
    try {
      int cls = Integer.parseInt(value);
      if (cls < 0) {
        throw DatasetFiles.error(line, "label must be a non-negative integer, got " + value);
      }
      return cls;
    } catch (NumberFormatException e) {
      throw DatasetFiles.error(line, "label must be an integer, got \"" + value + "\"");
    }
  }
}
