package org.ethoslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The platform's feature packages must not take part in a dependency cycle (package by feature only pays off when a
 * feature can be understood from its own folder plus the ones it uses). Reads the imports of the main sources; a
 * cycle through any of {@link #PLATFORM} fails with the packages involved.
 */
class PackageDependencyTests {

  /** The packages of the platform foundation (accounts, courses, offerings, lessons, quizzes, pages). */
  static final Set<String> PLATFORM = Set.of("account", "admin", "course", "dashboard", "lesson", "offering", "quiz",
      "system");

  private static final Path SOURCES = Path.of("src", "main", "java", "org", "ethoslab", "app");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.ethoslab\\.app\\.([a-z]+)\\.",
      Pattern.MULTILINE);

  @Test
  void featurePackagesHaveNoCycles() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = SOURCES.relativize(file);
        if (relative.getNameCount() < 2) {
          continue;
        }
        String feature = relative.getName(0).toString();
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          if (!m.group(1).equals(feature)) {
            uses.computeIfAbsent(feature, k -> new TreeSet<>()).add(m.group(1));
          }
        }
      }
    }
    assertThat(uses).isNotEmpty();
    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      findCycle(start, start, uses, new ArrayList<>(List.of(start)), new HashSet<>(), cycles);
    }
    cycles.removeIf(cycle -> PLATFORM.stream().noneMatch(p -> List.of(cycle.split(" -> ")).contains(p)));
    assertThat(cycles).as("package cycles through platform packages (a -> b means a imports b)").isEmpty();
  }

  private static void findCycle(String start, String current, Map<String, Set<String>> uses, List<String> path,
                                Set<String> visited, List<String> cycles) {
    for (String next : uses.getOrDefault(current, Set.of())) {
      if (next.equals(start)) {
        cycles.add(String.join(" -> ", path) + " -> " + start);
      }
      else if (visited.add(next) && next.compareTo(start) > 0) {
        path.add(next);
        findCycle(start, next, uses, path, visited, cycles);
        path.remove(path.size() - 1);
      }
    }
  }
}
