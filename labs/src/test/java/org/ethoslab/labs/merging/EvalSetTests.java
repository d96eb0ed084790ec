package org.ethoslab.labs.merging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvalSetTests {

    @Test
    void optionsAreComparedPerWordSoLongRightAnswersAreNotChargedForTheirLength() {
        // "pimples" (1 word) at −3.0 against "a painful big toe" (4 words) at −4.0: per word −3.0 against −1.0,
        // so the long answer wins although its sum is lower.
        double[] ll = {-3.0, -4.0};
        int[] words = {1, 4};
        assertThat(EvalSet.bestOption(ll, words, 0, 2)).isEqualTo(1);
    }

    @Test
    void theWindowOfOneQuestionIsReadAndTheFirstOfEqualOptionsWins() {
        // Question 2 of 2, options at 3..5: per word −2.0, −2.0 (−6/3), −2.5 → the first of the equal pair.
        double[] ll = {-0.1, -0.1, -0.1, -2.0, -6.0, -5.0};
        int[] words = {1, 1, 1, 1, 3, 2};
        assertThat(EvalSet.bestOption(ll, words, 3, 3)).isZero();
        // Question 1: all equal per word → option 0.
        assertThat(EvalSet.bestOption(ll, words, 0, 3)).isZero();
    }
}
