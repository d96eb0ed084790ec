package org.ethoslab.curriculum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping with its line numbers, read field by field. Every accessor reports what is wrong
 * (missing, blank, wrong type, out of range) to the {@link ProblemList} and returns a fallback, so that
 * reading continues and all problems of a file come out in one pass.
 */
final class YamlMapping {

  private final String file;
  private final int lineOffset;
  private final MappingNode node;
  private final ProblemList problems;
  private final Map<String, Node> values = new LinkedHashMap<>();
  private final Map<String, Integer> keyLines = new LinkedHashMap<>();

  private YamlMapping(String file, int lineOffset, MappingNode node, ProblemList problems) {
    this.file = file;
    this.lineOffset = lineOffset;
    this.node = node;
    this.problems = problems;
    for (NodeTuple tuple : node.getValue()) {
      Node key = tuple.getKeyNode();
      int line = lineOf(key);
      if (!(key instanceof ScalarNode scalarKey)) {
        problems.add(file, line, "keys must be plain words");
        continue;
      }
      String name = scalarKey.getValue();
      if (values.containsKey(name)) {
        problems.add(file, line, "duplicate key '" + name + "' (first at line " + keyLines.get(name) + ")");
        continue;
      }
      values.put(name, tuple.getValueNode());
      keyLines.put(name, line);
    }
  }

  static Optional<YamlMapping> of(Node node, String file, int lineOffset, ProblemList problems, String what) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(new YamlMapping(file, lineOffset, mapping, problems));
    }
    problems.add(file, node.getStartMark().getLine() + 1 + lineOffset, what + " must be a mapping of keys to values");
    return Optional.empty();
  }

  String file() {
    return file;
  }

  /** 1-based line where this mapping starts. */
  int line() {
    return lineOf(node);
  }

  /** 1-based line of {@code key}, or of the mapping when the key is absent. */
  int line(String key) {
    return keyLines.getOrDefault(key, line());
  }

  boolean has(String key) {
    Node value = values.get(key);
    return value != null && !isNull(value);
  }

  /** Reports every key not in {@code allowed}, with the allowed keys, so that typos do not pass silently. */
  void allowOnly(Set<String> allowed) {
    for (String key : values.keySet()) {
      if (!allowed.contains(key)) {
        problems.add(file, keyLines.get(key), "unknown key '" + key + "'; allowed keys are "
            + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  String requiredString(String key) {
    if (!has(key)) {
      problems.add(file, line(key), "missing required field '" + key + "'");
      return "";
    }
    String value = optionalString(key, "");
    if (value.isBlank() && values.get(key) instanceof ScalarNode) {
      problems.add(file, line(key), "field '" + key + "' must not be blank");
    }
    return value;
  }

  String optionalString(String key, String fallback) {
    Node value = values.get(key);
    if (value == null || isNull(value)) {
      return fallback;
    }
    if (value instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    problems.add(file, lineOf(value), "field '" + key + "' must be text, not a list or mapping");
    return fallback;
  }

  int optionalInt(String key, int fallback, int min, int max) {
    Node value = values.get(key);
    if (value == null || isNull(value)) {
      return fallback;
    }
    Long number = asLong(value);
    if (number == null || number < min || number > max) {
      problems.add(file, lineOf(value), "field '" + key + "' must be a whole number from " + min + " to " + max);
      return fallback;
    }
    return number.intValue();
  }

  /** A number, or null (with a problem) when absent or not a number. */
  Double requiredNumber(String key) {
    Node value = values.get(key);
    if (value == null || isNull(value)) {
      problems.add(file, line(key), "missing required field '" + key + "'");
      return null;
    }
    Double number = asDouble(value);
    if (number == null || number.isNaN() || number.isInfinite()) {
      problems.add(file, lineOf(value), "field '" + key + "' must be a finite number");
      return null;
    }
    return number;
  }

  List<String> stringList(String key, boolean required) {
    List<String> result = new ArrayList<>();
    for (Node item : sequence(key, required)) {
      if (item instanceof ScalarNode scalar && !isNull(scalar) && !scalar.getValue().isBlank()) {
        result.add(scalar.getValue());
      } else {
        problems.add(file, lineOf(item), "each entry of '" + key + "' must be non-blank text");
      }
    }
    return result;
  }

  /** Whole numbers given as one number or a list; entries that are not whole numbers are reported. */
  List<Integer> intList(String key) {
    Node value = values.get(key);
    List<Node> items = value instanceof ScalarNode && !isNull(value) ? List.of(value) : sequence(key, false);
    List<Integer> result = new ArrayList<>();
    for (Node item : items) {
      Long number = asLong(item);
      if (number == null || number < 0 || number > 1000) {
        problems.add(file, lineOf(item), "each entry of '" + key + "' must be a 0-based option index");
      } else {
        result.add(number.intValue());
      }
    }
    return result;
  }

  List<YamlMapping> mappingList(String key, boolean required) {
    List<YamlMapping> result = new ArrayList<>();
    for (Node item : sequence(key, required)) {
      of(item, file, lineOffset, problems, "each entry of '" + key + "'").ifPresent(result::add);
    }
    return result;
  }

  /** A nested mapping converted to plain Java values (String, Integer, Long, Double, Boolean, List, Map). */
  Map<String, Object> plainMap(String key) {
    Node value = values.get(key);
    if (value == null || isNull(value)) {
      return Map.of();
    }
    Optional<YamlMapping> nested = of(value, file, lineOffset, problems, "field '" + key + "'");
    if (nested.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    nested.get().values.forEach((name, node) -> {
      Object plain = nested.get().plain(node);
      if (plain != null) {
        result.put(name, plain);
      }
    });
    return result;
  }

  /**
   * 1-based line of the character at {@code offset} inside the text value of {@code key}; exact for
   * literal block scalars ({@code |}), the line of the value otherwise.
   */
  int lineWithin(String key, int offset, String text) {
    Node value = values.get(key);
    if (!(value instanceof ScalarNode scalar)) {
      return line(key);
    }
    int start = lineOf(scalar);
    if (scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL) {
      return start + 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }
    return start;
  }

  private Object plain(Node value) {
    if (isNull(value)) {
      return null;
    }
    if (value instanceof ScalarNode scalar) {
      if (Tag.BOOL.equals(scalar.getTag())) {
        return Boolean.valueOf(scalar.getValue().toLowerCase(java.util.Locale.ROOT).matches("true|yes|on|y"));
      }
      Long whole = Tag.INT.equals(scalar.getTag()) ? asLong(scalar) : null;
      if (whole != null) {
        return whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE ? (Object) whole.intValue() : whole;
      }
      if (Tag.FLOAT.equals(scalar.getTag())) {
        return asDouble(scalar);
      }
      return scalar.getValue();
    }
    if (value instanceof SequenceNode sequence) {
      List<Object> list = new ArrayList<>();
      sequence.getValue().forEach(item -> list.add(plain(item)));
      return list;
    }
    problems.add(file, lineOf(value), "nested mappings are not allowed here; use plain values or lists");
    return null;
  }

  private List<Node> sequence(String key, boolean required) {
    Node value = values.get(key);
    if (value == null || isNull(value)) {
      if (required) {
        problems.add(file, line(key), "missing required field '" + key + "'");
      }
      return List.of();
    }
    if (value instanceof SequenceNode sequence) {
      if (required && sequence.getValue().isEmpty()) {
        problems.add(file, lineOf(value), "field '" + key + "' must not be empty");
      }
      return sequence.getValue();
    }
    problems.add(file, lineOf(value), "field '" + key + "' must be a list (entries starting with '- ')");
    return List.of();
  }

  private int lineOf(Node value) {
    return value.getStartMark().getLine() + 1 + lineOffset;
  }

  private static boolean isNull(Node value) {
    return Tag.NULL.equals(value.getTag());
  }

  private static Long asLong(Node value) {
    if (value instanceof ScalarNode scalar && Tag.INT.equals(scalar.getTag())) {
      try {
        return Long.parseLong(scalar.getValue().replace("_", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Double asDouble(Node value) {
    if (value instanceof ScalarNode scalar
        && (Tag.INT.equals(scalar.getTag()) || Tag.FLOAT.equals(scalar.getTag()))) {
      try {
        return Double.parseDouble(scalar.getValue().replace("_", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
