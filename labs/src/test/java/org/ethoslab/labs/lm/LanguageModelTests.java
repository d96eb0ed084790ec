package org.ethoslab.labs.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ethoslab.hooks.ParameterTree;
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

  /**
   * Adam's epsilon as a fine-tuning setting: the output row of a word the data never contains ("sorry", absent
   * from medical Q&A) only ever gets the faint softmax push-down. With ε = 1e-8 Adam still moves that row at about
   * full step size; with ε = 1e-2, far above that gradient, it barely moves — while the loss falls either way.
   */
  @Test
  void aLargeEpsilonLeavesTheRowsOfUnseenWordsAlmostStill() {
    WordTokenizer tok = Corpora.tokenizer();
    List<ChatExample> data = MedicalCorpus.generate(200, new SplittableRandom(1));
    int sorry = tok.encode("sorry")[0];
    double usual = unseenRowDrift(tok, data, sorry, LmTrainingSettings.DEFAULT_EPSILON);
    double large = unseenRowDrift(tok, data, sorry, 1e-2);
    assertThat(usual).isGreaterThan(20 * large);
  }

  private static double unseenRowDrift(WordTokenizer tok, List<ChatExample> data, int token, double epsilon) {
    try (LanguageModel lm = LanguageModel.create(new LmArchitecture(32, 1, 2, 48), tok, 5)) {
      String head = lm.parameters().names().stream().filter(n -> n.endsWith("head_weight")).findFirst()
          .orElseThrow();
      ParameterTree.Tensor before = lm.parameters().get(head);
      TrainingReport report = lm.train(data, new LmTrainingSettings(20, 16, 5e-3, 0, 1, epsilon, 7),
          TrainingListener.NONE);
      assertThat(report.lastLoss()).isLessThan(report.firstLoss());
      ParameterTree.Tensor after = lm.parameters().get(head);
      int dim = (int) before.shape()[1];
      double drift = 0;
      for (int j = token * dim; j < (token + 1) * dim; j++) {
        drift = Math.max(drift, Math.abs(after.values()[j] - before.values()[j]));
      }
      return drift;
    }
  }

  /**
   * Frozen parameters: the named tensors stay bit-identical through training while the rest move and the loss
   * falls; an unknown name is refused before any step; freezing nothing leaves the settings' JSON (and so every
   * cached recipe's hash) as it was before the field existed.
   */
  @Test
  void frozenParametersStayPutWhileTheRestTrain() throws Exception {
    WordTokenizer tok = Corpora.tokenizer();
    List<ChatExample> data = MedicalCorpus.generate(200, new SplittableRandom(1));
    List<String> frozen = List.of("position_embedding", "token_embedding");
    try (LanguageModel lm = LanguageModel.create(new LmArchitecture(32, 1, 2, 48), tok, 5)) {
      ParameterTree before = lm.parameters();
      TrainingReport report = lm.train(data, new LmTrainingSettings(20, 16, 5e-3, 0.01, 1, 1e-8, 7, frozen),
          TrainingListener.NONE);
      assertThat(report.lastLoss()).isLessThan(report.firstLoss());
      ParameterTree after = lm.parameters();
      for (String name : before.names()) {
        double moved = 0;
        for (int j = 0; j < before.get(name).numel(); j++) {
          moved = Math.max(moved, Math.abs(after.get(name).values()[j] - before.get(name).values()[j]));
        }
        if (frozen.contains(name)) {
          assertThat(moved).as(name).isZero();
        } else if (name.endsWith("weight")) {
          assertThat(moved).as(name).isPositive();
        }
      }
      assertThatThrownBy(() -> lm.train(data, new LmTrainingSettings(2, 4, 1e-3, 0, 1, 1e-8, 7,
          List.of("position_embeddings")), TrainingListener.NONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot freeze parameter position_embeddings");
    }
    String plain = org.ethoslab.contract.ContractJson.MAPPER.writeValueAsString(
        new LmTrainingSettings(10, 8, 1e-3, 0, 1, 1e-4, 3));
    assertThat(plain).doesNotContain("frozen");
    assertThat(org.ethoslab.contract.ContractJson.MAPPER.writeValueAsString(
        new LmTrainingSettings(10, 8, 1e-3, 0, 1, 1e-4, 3, frozen))).contains("\"frozen\":[\"position_embedding\"");
  }
}
