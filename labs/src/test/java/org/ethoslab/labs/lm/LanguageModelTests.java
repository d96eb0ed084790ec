package org.ethoslab.labs.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deliberately tiny model: training lowers the loss, a saved model reloads to the same numbers, scoring is batched. */
class LanguageModelTests {
    @TempDir
    Path dir;

    @Test
    void trainsSavesLoadsScoresAndGenerates() throws IOException {
        WordTokenizer tok = Corpora.tokenizer();
        List<ChatExample> data = MedicalCorpus.generate(200, new SplittableRandom(1));
        List<String> prompts = List.of(ChatExample.userTurn("how is asthma usually treated ?"),
                ChatExample.userTurn("what is a typical symptom of gout ?"));
        double[] ll;
        List<String> replies;
        try (LanguageModel lm = LanguageModel.create(new LmArchitecture(32, 1, 2, 48), tok, 5)) {
            TrainingReport report = lm.train(data, new LmTrainingSettings(30, 16, 5e-3, 0, 1, 7),
                    TrainingListener.NONE);
            assertThat(report.lastLoss()).isLessThan(report.firstLoss());
            ll = lm.logLikelihood(prompts, List.of("sure .", "sure ."), 1);
            double[] batched = lm.logLikelihood(prompts, List.of("sure .", "sure ."), 8);
            assertThat(batched[0]).isCloseTo(ll[0], org.assertj.core.api.Assertions.within(1e-4));
            assertThat(ll[0]).isNegative();
            replies = lm.generate(prompts, 6, 0, 0);
            assertThat(lm.generate(prompts, 6, 0.8, 3)).isEqualTo(lm.generate(prompts, 6, 0.8, 3));
            lm.save(dir.resolve("model"), Map.of("test", true));
        }
        try (LanguageModel back = LanguageModel.load(dir.resolve("model"))) {
            assertThat(back.logLikelihood(prompts, List.of("sure .", "sure ."), 4)).containsExactly(ll);
            assertThat(back.generate(prompts, 6, 0, 0)).isEqualTo(replies);
            assertThat(back.parameters().maxAbsDifference(LanguageModel.readParameters(dir.resolve("model"))))
                    .isZero();
        }
        Files.write(dir.resolve("model").resolve("parameters.bin"), new byte[] {0, 1});
        assertThatThrownBy(() -> LanguageModel.load(dir.resolve("model"))).isInstanceOf(IOException.class)
                .hasMessageContaining("parameters.bin");
    }
}
