package org.ethoslab.labs.prefopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ethoslab.labs.core.LabFailure;
import org.ethoslab.labs.data.HhRlhfImporter;
import org.ethoslab.labs.data.ImportLimits;

/**
 * Preference pairs an instructor uploads in Anthropic's HH-RLHF format ({@code {"chosen","rejected"}} transcripts),
 * read from {@code preferences.jsonl} in the job's dataset directory: {@code -Dethoslab.datasetDir}, else env
 * {@code ETHOSLAB_DATASET_DIR}. The dialogue up to the last {@code Assistant:} turn becomes the prompt; words outside
 * the tiny model's vocabulary become {@code <unk>}.
 */
final class UploadedPairs {
  static final String FILE = "preferences.jsonl";

  private UploadedPairs() {
  }

  static Path datasetDir() {
    String prop = System.getProperty("ethoslab.datasetDir");
    String dir = prop != null && !prop.isBlank() ? prop : System.getenv("ETHOSLAB_DATASET_DIR");
    if (dir == null || dir.isBlank()) {
      throw LabFailure.badInput("params.uploadedPairs", "true, but no dataset directory is set "
          + "(ETHOSLAB_DATASET_DIR or -Dethoslab.datasetDir) holding " + FILE);
    }
    return Path.of(dir);
  }

  static List<ChatData.Pair> read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw LabFailure.badInput("params.uploadedPairs", "true, but " + file + " does not exist");
    }
    List<ChatData.Pair> out = new ArrayList<>();
    for (HhRlhfImporter.PreferencePair p : HhRlhfImporter.read(file, ImportLimits.DEFAULT)) {
      String prompt = p.prompt().replace("\n\nHuman:", " ").replace("\n\nAssistant:", " ").trim();
      out.add(new ChatData.Pair(prompt, p.chosen(), p.rejected(), false));
    }
    if (out.isEmpty()) {
      throw LabFailure.badInput("params.uploadedPairs", file + " holds no preference pairs");
    }
    return out;
  }
}
