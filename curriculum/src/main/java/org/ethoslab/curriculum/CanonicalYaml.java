package org.ethoslab.curriculum;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The one YAML style the exporter writes: block collections, multi-line text as literal blocks
 * ({@code |}), no line folding. Fixed so that exporting the same course twice gives the same bytes.
 */
final class CanonicalYaml {

  private CanonicalYaml() {
  }

  static byte[] dump(Map<String, Object> document) {
    return yaml().dump(document).getBytes(StandardCharsets.UTF_8);
  }

  private static Yaml yaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    options.setLineBreak(DumperOptions.LineBreak.UNIX);
    options.setAllowUnicode(true);
    return new Yaml(new MultilineAsBlock(options), options);
  }

  /** Represents text with line breaks as a literal block, which keeps Markdown readable in the file. */
  private static final class MultilineAsBlock extends Representer {
    MultilineAsBlock(DumperOptions options) {
      super(options);
      this.representers.put(String.class, data -> {
        String text = (String) data;
        DumperOptions.ScalarStyle style = text.contains("\n")
            ? DumperOptions.ScalarStyle.LITERAL
            : DumperOptions.ScalarStyle.PLAIN;
        Node node = representScalar(Tag.STR, text, style);
        return node;
      });
    }
  }
}
