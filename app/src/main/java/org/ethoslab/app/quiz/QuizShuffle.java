package org.ethoslab.app.quiz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order a student sees a quiz in: questions and their options shuffled by a seed made from the enrollment, the
 * quiz and the number of the attempt being worked on. Reloading the page, or being sent back for an unusable answer,
 * keeps the order; the next attempt gets a new one. Option values stay the authored indexes, so grading never
 * depends on the order shown.
 */
final class QuizShuffle {

  private QuizShuffle() {
  }

  /** A random source for one student's attempt at one quiz; the same inputs always give the same sequence. */
  static Random forAttempt(long enrollmentId, long itemId, long attemptNumber) {
    long seed = enrollmentId * 0x9E3779B97F4A7C15L ^ itemId * 0xC2B2AE3D27D4EB4FL ^ attemptNumber * 0x165667B19E3779F9L;
    return new Random(seed);
  }

  /** A shuffled copy of {@code list}. */
  static <T> List<T> shuffled(List<T> list, Random random) {
    List<T> copy = new ArrayList<>(list);
    Collections.shuffle(copy, random);
    return copy;
  }
}
