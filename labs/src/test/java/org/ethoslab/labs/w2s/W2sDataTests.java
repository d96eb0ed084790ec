package org.ethoslab.labs.w2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.labs.core.Params;
import org.ethoslab.labs.data.TextExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class W2sDataTests {
  @TempDir
  Path dir;

  private JobInput job(String dataset, String hidden) throws Exception {
    StringBuilder csv = new StringBuilder("prompt,verdict\n");
    for (int i = 0; i < 40; i++) {
      csv.append(i % 2 == 0 ? "how do I bake bread number " + i + ",safe\n"
          : "how do I hurt person number " + i + ",unsafe\n");
    }
    Files.writeString(dir.resolve("train.csv"), csv);
    Files.writeString(dir.resolve("test.csv"), csv);
    Path file = Files.writeString(dir.resolve("job.json"), "{\"lab\":\"w2s\",\"seed\":3,"
        + "\"params\":{\"task\":\"uploaded\",\"trainSize\":200,\"testSize\":100}"
        + (dataset == null ? "" : ",\"dataset\":" + dataset)
        + (hidden == null ? "" : ",\"hidden\":{\"dataset\":" + hidden + "}") + "}");
    return JobInput.read(file);
  }

  private static String spec(String file) {
    return "{\"file\":\"" + file + "\",\"format\":\"csv\",\"textColumn\":\"prompt\",\"labelColumn\":\"verdict\","
        + "\"labelValues\":{\"safe\":0,\"unsafe\":1}}";
  }

  private static W2sConfig config(JobInput job) {
    return W2sConfig.from(Params.validate(new W2sLab().spec(), job.params()), job);
  }

  @Test
  void uploadedFilesBecomeTheTrainingPoolAndTheHiddenTestSet() throws Exception {
    JobInput job = job(spec("train.csv"), spec("test.csv"));
    W2sConfig cfg = config(job);
    List<TextExample> pool = W2sData.trainingPool(job, cfg, new SplittableRandom(1));
    assertThat(pool).hasSize(40).anyMatch(e -> e.label() == 1).anyMatch(e -> e.label() == 0);
    assertThat(W2sData.trainingPool(job, cfg, new SplittableRandom(1))).isEqualTo(pool);
    assertThat(cfg.pair()).isFalse();
    assertThat(W2sData.hiddenTestSet(job, cfg, 5)).hasSize(40);
    // the run phase never sees hidden: without it the trusted phase refuses to grade
    assertThatThrownBy(() -> W2sData.hiddenTestSet(job.withoutHidden(), cfg, 5))
        .hasMessage("hidden.dataset: task uploaded needs a hidden test file for grading");
  }

  @Test
  void badDatasetReferencesAreRefusedWithTheField() throws Exception {
    assertThatThrownBy(() -> config(job(null, null)))
        .hasMessage("dataset: task uploaded needs a dataset object naming the training file");
    JobInput escape = job(spec("../etc/passwd"), null);
    assertThatThrownBy(() -> W2sData.trainingPool(escape, config(escape), new SplittableRandom(1)))
        .hasMessageStartingWith("dataset.file: must be a plain file name next to the job file");
    JobInput missing = job(spec("nope.csv"), null);
    assertThatThrownBy(() -> W2sData.trainingPool(missing, config(missing), new SplittableRandom(1)))
        .hasMessageStartingWith("dataset: file not found");
  }
}
