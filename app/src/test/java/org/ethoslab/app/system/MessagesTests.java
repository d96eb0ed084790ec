package org.ethoslab.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every message key the templates and controllers use exists in a {@code messages.properties} bundle, so no page shows
 * a raw {@code ??key_en??}. (With a second language, a drift test between the files belongs here too.)
 */
class MessagesTests {

  private static final Path RESOURCES = Path.of("src", "main", "resources");
  private static final Path SOURCES = Path.of("src", "main", "java");
  /** Static keys in templates: {@code #{some.key}} or {@code #{some.key(args)}}. */
  private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");
  /** Keys handed to views from Java: flash messages, error details and validation codes. */
  private static final Pattern JAVA_KEY = Pattern.compile(
      "\"((?:flash|error\\.detail|password|quiz\\.problem|join|email|offering)\\.[A-Za-z.]+)\"");

  @Test
  void everyUsedKeyIsDefined() throws IOException {
    // The app's bundle plus any feature bundle kept next to its templates (e.g. templates/runnerapi/).
    Properties messages = new Properties();
    try (Stream<Path> bundles = Files.walk(RESOURCES)) {
      for (Path bundle : bundles.filter(f -> f.getFileName().toString().equals("messages.properties")).toList()) {
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
          messages.load(reader);
        }
      }
    }
    Set<String> used = new TreeSet<>();
    collect(RESOURCES.resolve("templates"), ".html", TEMPLATE_KEY, used);
    collect(SOURCES, ".java", JAVA_KEY, used);
    assertThat(used).hasSizeGreaterThan(50);
    used.removeIf(messages::containsKey);
    assertThat(used).as("message keys used but missing from messages.properties").isEmpty();
  }

  private static void collect(Path root, String suffix, Pattern pattern, Set<String> into) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
        Matcher m = pattern.matcher(Files.readString(file));
        while (m.find()) {
          into.add(m.group(1));
        }
      }
    }
  }
}
