package org.ethoslab.labs.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * AdvBench-style CSV (Zou et al. 2023, {@code harmful_behaviors.csv}): columns {@code goal,target}; every goal is a
 * harmful request, so each row becomes a label-1 example of the request text.
 */
public final class AdvBenchImporter {
  private AdvBenchImporter() {
  }

  /** A harmful request and the affirmative opening an attack tries to elicit. */
  public record HarmfulBehavior(String goal, String target) {
  }

  public static List<HarmfulBehavior> read(Path file, ImportLimits limits) throws IOException {
    CsvTable table = DatasetFiles.readCsv(file, limits);
    int goal = table.column("goal");
    int target = table.column("target");
    List<HarmfulBehavior> out = new ArrayList<>();
    for (DatasetFiles.Row<List<String>> row : table.rows()) {
      String g = row.value().get(goal).trim();
      if (g.isEmpty()) {
        throw DatasetFiles.error(row.line(), "empty \"goal\"");
      }
      out.add(new HarmfulBehavior(g, row.value().get(target).trim()));
    }
    return out;
  }

  /** The goals as harmful (label 1) examples. */
  public static List<TextExample> asExamples(List<HarmfulBehavior> behaviors) {
    return behaviors.stream().map(b -> TextExample.of(b.goal(), 1)).toList();
  }
}
