package org.ethoslab.curriculum;

import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses YAML into a node tree (SnakeYAML's compose step) and never into objects: the nodes keep their
 * line marks for error messages, and no tag can make the parser instantiate a class.
 */
final class YamlText {

  private YamlText() {
  }

  /**
   * Parses one YAML document. A syntax error becomes a problem at its line; an empty document becomes a
   * problem too, since every curriculum YAML file must hold a mapping.
   *
   * @param lineOffset lines before the YAML text in its file (front matter starts after the {@code ---} line)
   */
  static Optional<YamlMapping> parseMapping(String text, String file, int lineOffset, ProblemList problems) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(CurriculumLimits.MAX_FILE_BYTES);
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(20);
    options.setAllowDuplicateKeys(false);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 0 : mark.getLine() + 1 + lineOffset;
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
      problems.add(file, line, "YAML syntax error: " + what + context);
      return Optional.empty();
    } catch (YAMLException e) {
      problems.add(file, 0, "YAML error: " + e.getMessage());
      return Optional.empty();
    }
    if (root == null) {
      problems.add(file, lineOffset + 1, "is empty; expected a YAML mapping of keys to values");
      return Optional.empty();
    }
    return YamlMapping.of(root, file, lineOffset, problems, "the document");
  }
}
