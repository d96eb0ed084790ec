package org.ethoslab.app.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class QuizShuffleTests {

  private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

  @Test
  void sameAttemptSameOrder() {
    List<Integer> first = QuizShuffle.shuffled(TEN, QuizShuffle.forAttempt(7, 42, 1));
    List<Integer> again = QuizShuffle.shuffled(TEN, QuizShuffle.forAttempt(7, 42, 1));
    assertThat(again).isEqualTo(first).containsExactlyInAnyOrderElementsOf(TEN);
  }

  @Test
  void otherAttemptsAndStudentsGetOtherOrders() {
    List<Integer> first = QuizShuffle.shuffled(TEN, QuizShuffle.forAttempt(7, 42, 1));
    // 10! orders: a collision among these is a one-in-millions event, and the seeds are fixed, so this never flakes.
    assertThat(QuizShuffle.shuffled(TEN, QuizShuffle.forAttempt(7, 42, 2))).isNotEqualTo(first);
    assertThat(QuizShuffle.shuffled(TEN, QuizShuffle.forAttempt(8, 42, 1))).isNotEqualTo(first);
    assertThat(QuizShuffle.shuffled(TEN, QuizShuffle.forAttempt(7, 43, 1))).isNotEqualTo(first);
  }
}
