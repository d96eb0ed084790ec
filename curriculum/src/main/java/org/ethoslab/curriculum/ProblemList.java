package org.ethoslab.curriculum;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found while reading a curriculum, so that validation goes on after the first
 * one and an author sees all of them at once.
 */
final class ProblemList {

  private final List<CurriculumException.Problem> problems = new ArrayList<>();

  void add(String file, int line, String message) {
    problems.add(new CurriculumException.Problem(file, Math.max(line, 0), message));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  int size() {
    return problems.size();
  }

  /** Throws with every problem collected so far, in the order found; does nothing when there are none. */
  void throwIfAny() throws CurriculumException {
    if (!problems.isEmpty()) {
      throw new CurriculumException(problems);
    }
  }
}
