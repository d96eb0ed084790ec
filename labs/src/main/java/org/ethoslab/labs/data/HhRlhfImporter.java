package org.ethoslab.labs.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic HH-RLHF JSON Lines (Bai et al. 2022): {@code {"chosen": …, "rejected": …}}, each a transcript of
 * {@code \n\nHuman: …} / {@code \n\nAssistant: …} turns that differ only in the final assistant turn. Each line
 * becomes a preference pair: the shared dialogue prefix as the prompt, and the two final replies.
 */
public final class HhRlhfImporter {
  static final String HUMAN = "\n\nHuman:";
  static final String ASSISTANT = "\n\nAssistant:";

  private HhRlhfImporter() {
  }

  /** A prompt (the dialogue up to and including the last {@code Assistant:} marker) and two replies. */
  public record PreferencePair(String prompt, String chosen, String rejected) {
  }

  public static List<PreferencePair> read(Path file, ImportLimits limits) throws IOException {
    List<PreferencePair> out = new ArrayList<>();
    for (DatasetFiles.Row<JsonNode> row : DatasetFiles.readJsonLines(file, limits)) {
      String chosen = DatasetFiles.text(row, "chosen", limits);
      String rejected = DatasetFiles.text(row, "rejected", limits);
      int cut = chosen.lastIndexOf(ASSISTANT);
      int cutRejected = rejected.lastIndexOf(ASSISTANT);
      if (!chosen.contains(HUMAN) || cut < 0) {
        throw DatasetFiles.error(row.line(), "\"chosen\" is not a Human/Assistant transcript");
      }
      if (cutRejected < 0) {
        throw DatasetFiles.error(row.line(), "\"rejected\" is not a Human/Assistant transcript");
      }
      String prompt = chosen.substring(0, cut + ASSISTANT.length());
      if (!rejected.substring(0, cutRejected + ASSISTANT.length()).equals(prompt)) {
        throw DatasetFiles.error(row.line(), "\"chosen\" and \"rejected\" differ before the last "
            + "Assistant turn");
      }
      out.add(new PreferencePair(prompt, chosen.substring(cut + ASSISTANT.length()).trim(),
          rejected.substring(cutRejected + ASSISTANT.length()).trim()));
    }
    return out;
  }
}
