package org.ethoslab.curriculum;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when curriculum files are invalid. Carries every problem found, each naming its file and line,
 * so an author can fix them all in one pass. Nothing is imported when this is thrown.
 */
public class CurriculumException extends Exception {

  private final List<Problem> problems;

  public CurriculumException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  /**
   * One problem in one file.
   *
   * @param file     path relative to the curriculum root, e.g. {@code ai-ethics/modules/01-w2s/module.yaml}
   * @param line     1-based line number, or 0 when the problem concerns the whole file
   * @param message  what is wrong and how to fix it, in plain words
   */
  public record Problem(String file, int line, String message) {
    @Override
    public String toString() {
      return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
  }
}
