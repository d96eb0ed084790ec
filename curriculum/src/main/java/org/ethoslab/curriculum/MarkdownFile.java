package org.ethoslab.curriculum;

import java.util.Optional;

/**
 * A Markdown file split into its optional YAML front matter and its body. Front matter is a block that
 * starts with a {@code ---} line on the first line of the file and ends with the next {@code ---} line.
 *
 * @param frontMatter    the front matter mapping, empty when the file has none (or it is invalid)
 * @param body           the Markdown after the front matter
 * @param bodyStartLine  1-based line of the file on which {@code body} starts, for error messages
 */
record MarkdownFile(Optional<YamlMapping> frontMatter, String body, int bodyStartLine) {

  private static final String FENCE = "---";

  static MarkdownFile parse(String text, String file, ProblemList problems) {
    String normalized = text.startsWith("\uFEFF") ? text.substring(1) : text;
    int firstBreak = normalized.indexOf('\n');
    String firstLine = firstBreak < 0 ? normalized : normalized.substring(0, firstBreak);
    if (!stripCr(firstLine).equals(FENCE)) {
      return new MarkdownFile(Optional.empty(), normalized, 1);
    }
    int lineNumber = 1;
    int position = firstBreak + 1;
    while (position <= normalized.length()) {
      int end = normalized.indexOf('\n', position);
      String line = end < 0 ? normalized.substring(position) : normalized.substring(position, end);
      lineNumber++;
      if (stripCr(line).equals(FENCE)) {
        String yaml = normalized.substring(firstBreak + 1, position);
        String body = end < 0 ? "" : normalized.substring(end + 1);
        Optional<YamlMapping> front = yaml.isBlank()
            ? Optional.empty()
            : YamlText.parseMapping(yaml, file, 1, problems);
        return new MarkdownFile(front, body, lineNumber + 1);
      }
      if (end < 0) {
        break;
      }
      position = end + 1;
    }
    problems.add(file, 1, "front matter starts with '---' on line 1 but has no closing '---' line");
    return new MarkdownFile(Optional.empty(), normalized, 1);
  }

  /** 1-based line in the file of the body character at {@code offset}. */
  int lineOf(int offset) {
    return bodyStartLine + (int) body.substring(0, offset).chars().filter(c -> c == '\n').count();
  }

  /** The text of the first level-one heading ({@code # Title}), used when front matter gives no title. */
  Optional<String> firstHeading() {
    for (String line : body.split("\n")) {
      String stripped = stripCr(line);
      if (stripped.startsWith("# ")) {
        return Optional.of(stripped.substring(2).strip());
      }
    }
    return Optional.empty();
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
