package org.ethoslab.labs.prefopt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The row layout the log-probabilities are computed on: which targets count as the reply, and prompt cutting. */
class SequencesTests {
  private final Vocabulary vocab = Vocabulary.of(List.of("how do i bake bread ? sure ! no one two three four"));

  @Test
  void onlyTheReplyAndItsEndCountAsTargets() {
    Sequences s = Sequences.of(vocab, 16, List.of("How do I bake bread?", "bake ?"), List.of("sure !", "no"));
    // row 0: <bos> how do i bake bread ? <sep> sure ! <eos> → 10 inputs, the last 3 targets are the reply
    assertThat(s.length).isEqualTo(10);
    assertThat(vocab.decode(java.util.Arrays.copyOfRange(s.inputs, 0, 10)))
        .isEqualTo("<bos> how do i bake bread ? <sep> sure !");
    assertThat(vocab.decode(java.util.Arrays.copyOfRange(s.targets, 0, 10)))
        .isEqualTo("how do i bake bread ? <sep> sure ! <eos>");
    assertThat(java.util.Arrays.copyOfRange(s.mask, 0, 10))
        .containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 1, 1);
    assertThat(s.replyLengths).containsExactly(3, 2);
    // row 1 is padded after its <eos> target, and padding never counts
    assertThat(java.util.Arrays.copyOfRange(s.mask, 10, 20))
        .containsExactly(0, 0, 0, 1, 1, 0, 0, 0, 0, 0);
  }

  @Test
  void aLongPromptLosesItsBeginningToFitTheContext() {
    Sequences s = Sequences.of(vocab, 6, List.of("one two three four how do"), List.of("sure !"));
    // 6 inputs: <bos> + the last 2 prompt words + <sep> + the reply
    assertThat(vocab.decode(java.util.Arrays.copyOf(s.inputs, s.length))).isEqualTo("<bos> how do <sep> sure !");
    assertThat(vocab.encode("zebra")).containsExactly(vocab.id(Vocabulary.UNK));
  }

  @Test
  void selectAndSliceKeepRowsIntact() {
    Sequences s = Sequences.of(vocab, 16, List.of("bake ?", "how ?", "do ?"), List.of("sure !", "no", "one"));
    Sequences picked = s.select(new int[] {2, 0});
    assertThat(picked.replyLengths).containsExactly(2, 3);
    assertThat(java.util.Arrays.copyOf(picked.inputs, s.length))
        .containsExactly(java.util.Arrays.copyOfRange(s.inputs, 2 * s.length, 3 * s.length));
    assertThat(s.slice(1, 3).replyLengths).containsExactly(2, 2);
  }
}
