package org.ethoslab.labs.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ethoslab.hooks.ParameterTree;
import org.junit.jupiter.api.Test;

class CorpusAndTokenizerTests {
  private final WordTokenizer tok = Corpora.tokenizer();

  @Test
  void everyCorpusIsCoveredByTheSharedVocabulary() {
    List<String> texts = new java.util.ArrayList<>();
    GeneralCorpus.generate(500, new SplittableRandom(1)).forEach(e -> texts.add(e.prompt() + " " + e.response()));
    MedicalCorpus.generate(500, new SplittableRandom(2)).forEach(e -> texts.add(e.prompt() + " " + e.response()));
    for (SafetyRequests.Request r : SafetyRequests.generate(500, new SplittableRandom(3))) {
      texts.add(r.prompt() + " " + r.refusal() + " " + r.helpful());
    }
    MedicalCorpus.questions(200, 4, new SplittableRandom(4)).forEach(q -> texts.add(q.prompt() + " "
        + String.join(" ", q.options())));
    for (String t : texts) {
      for (int id : tok.encode(t)) {
        assertThat(id).as(t).isNotEqualTo(WordTokenizer.UNK);
      }
    }
    assertThat(tok.size()).isBetween(300, 2000);
  }

  @Test
  void tokenizerRoundTripsWordsAndPunctuation() {
    String text = "sorry , i can't help with that .";
    assertThat(tok.decode(tok.encode(text))).isEqualTo("sorry, i can't help with that.");
    assertThat(tok.encode("Zyzzyva")).containsExactly(WordTokenizer.UNK);
    assertThat(Corpora.tokenizer().fingerprint()).isEqualTo(tok.fingerprint());
  }

  @Test
  void generatorsAreSeededAndBalanced() {
    assertThat(SafetyRequests.generate(20, new SplittableRandom(9)))
        .isEqualTo(SafetyRequests.generate(20, new SplittableRandom(9)));
    List<SafetyRequests.Request> reqs = SafetyRequests.generate(20, new SplittableRandom(9));
    assertThat(reqs.stream().filter(SafetyRequests.Request::harmful)).hasSize(10);
    for (SafetyRequests.Request r : reqs) {
      assertThat(RefusalJudge.isRefusal(r.preferred())).isEqualTo(r.harmful());
      assertThat(RefusalJudge.isRefusal(r.dispreferred())).isEqualTo(!r.harmful());
    }
    for (MedicalCorpus.Question q : MedicalCorpus.questions(50, 4, new SplittableRandom(5))) {
      assertThat(q.options()).hasSize(4).doesNotHaveDuplicates();
      MedicalCorpus.Condition c = MedicalCorpus.CONDITIONS.stream()
          .filter(x -> x.name().equals(q.condition())).findFirst().orElseThrow();
      assertThat(q.options().get(q.correct())).isEqualTo(q.kind().answerOf(c));
    }
  }

  @Test
  void parameterTreesRoundTripAndRefuseForeignBytes() throws IOException {
    ParameterTree tree = new ParameterTree(Map.of("a", new ParameterTree.Tensor(new long[] {2, 3},
        new float[] {1, 2, 3, 4, 5, 6})));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    tree.write(bytes);
    ParameterTree back = ParameterTree.read(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(back.get("a").shape()).containsExactly(2, 3);
    assertThat(back.maxAbsDifference(tree)).isZero();
    assertThatThrownBy(() -> ParameterTree.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))
        .isInstanceOf(IOException.class).hasMessageContaining("magic");
    assertThatThrownBy(() -> new ParameterTree.Tensor(new long[] {2, 2}, new float[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 4 values, got 3");
  }
}
