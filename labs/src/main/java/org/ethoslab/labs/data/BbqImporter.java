package org.ethoslab.labs.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * BBQ JSON Lines (Parrish et al. 2022, Bias Benchmark for QA): context, question, three answers, the index of the
 * correct one, whether the context is ambiguous or disambiguated, the question's polarity and the bias category.
 */
public final class BbqImporter {
  private BbqImporter() {
  }

  /** One BBQ item. {@code contextCondition} is {@code ambig} or {@code disambig}. */
  public record BbqItem(String category, String context, String question, List<String> answers, int label,
             String contextCondition, String questionPolarity) {
  }

  public static List<BbqItem> read(Path file, ImportLimits limits) throws IOException {
    List<BbqItem> out = new ArrayList<>();
    for (DatasetFiles.Row<JsonNode> row : DatasetFiles.readJsonLines(file, limits)) {
      JsonNode label = row.value().get("label");
      if (label == null || !label.isIntegralNumber() || label.asInt() < 0 || label.asInt() > 2) {
        throw DatasetFiles.error(row.line(), "\"label\" must be 0, 1 or 2");
      }
      String condition = DatasetFiles.text(row, "context_condition", limits);
      if (!condition.equals("ambig") && !condition.equals("disambig")) {
        throw DatasetFiles.error(row.line(), "\"context_condition\" must be ambig or disambig, got "
            + condition);
      }
      out.add(new BbqItem(DatasetFiles.text(row, "category", limits), DatasetFiles.text(row, "context", limits),
          DatasetFiles.text(row, "question", limits),
          List.of(DatasetFiles.text(row, "ans0", limits), DatasetFiles.text(row, "ans1", limits),
              DatasetFiles.text(row, "ans2", limits)),
          label.asInt(), condition, DatasetFiles.text(row, "question_polarity", limits)));
    }
    return out;
  }
}
