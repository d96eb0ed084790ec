package org.ethoslab.labs.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A parsed CSV file: the header and the records, each with the line it starts on. */
public record CsvTable(List<String> header, List<DatasetFiles.Row<List<String>>> rows) {

  /** Index of a header column (case-insensitive), or a failure naming line 1 and the columns present. */
  public int column(String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    throw DatasetFiles.error(1, "missing column \"" + name + "\" (columns: " + String.join(", ", header) + ")");
  }

  static CsvTable parse(String content, ImportLimits limits) {
    List<DatasetFiles.Row<List<String>>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    int i = 0;
    if (content.startsWith("\uFEFF")) {
      i = 1;
    }
    for (; i < content.length(); i++) {
      char c = content.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < content.length() && content.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"') {
        if (field.length() > 0) {
          throw DatasetFiles.error(line, "quote inside an unquoted field");
        }
        quoted = true;
        fieldStarted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
          i++;
        }
        if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
          fields.add(field.toString());
          addRecord(records, recordLine, fields, limits);
        }
        fields = new ArrayList<>();
        field.setLength(0);
        fieldStarted = false;
        line++;
        recordLine = line;
      } else {
        field.append(c);
      }
      if (field.length() > limits.maxFieldChars()) {
        throw DatasetFiles.error(recordLine, "field longer than " + limits.maxFieldChars() + " characters");
      }
    }
    if (quoted) {
      throw DatasetFiles.error(recordLine, "quoted field is never closed");
    }
    if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      addRecord(records, recordLine, fields, limits);
    }
    if (records.isEmpty()) {
      throw DatasetFiles.error(1, "no header row");
    }
    List<String> header = records.get(0).value();
    List<DatasetFiles.Row<List<String>>> body = records.subList(1, records.size());
    for (DatasetFiles.Row<List<String>> r : body) {
      if (r.value().size() != header.size()) {
        throw DatasetFiles.error(r.line(), "has " + r.value().size() + " fields, the header has "
            + header.size());
      }
    }
    return new CsvTable(header, List.copyOf(body));
  }

  private static void addRecord(List<DatasetFiles.Row<List<String>>> records, int line, List<String> fields,
                 ImportLimits limits) {
    if (records.size() > limits.maxRows()) {
      throw DatasetFiles.error(line, "more than " + limits.maxRows() + " records");
    }
    records.add(new DatasetFiles.Row<>(line, List.copyOf(fields)));
  }
}
