package org.ethoslab.curriculum;

import java.util.List;

/**
 * An auto-graded quiz.
 *
 * @param questions  in authored order (the app may shuffle them)
 */
public record Quiz(String id, String title, int position, List<Question> questions, String contentHash,
                   String sourceFile) implements ModuleItem {
  public Quiz {
    questions = List.copyOf(questions);
  }

  @Override
  public ItemKind kind() {
    return ItemKind.QUIZ;
  }

  /** The kinds of question a quiz may hold. */
  public enum QuestionType {
    /** Exactly one correct option. */
    SINGLE,
    /** One or more correct options; all must be chosen and no wrong one. */
    MULTIPLE,
    /** A number, correct when within {@code tolerance} of {@code answer}. */
    NUMERIC
  }

  /**
   * One question.
   *
   * @param id           stable id within the quiz
   * @param prompt       Markdown
   * @param options      choices for SINGLE/MULTIPLE, empty for NUMERIC
   * @param correct      0-based indexes of the correct options (SINGLE/MULTIPLE)
   * @param answer       correct value for NUMERIC (null otherwise)
   * @param tolerance    absolute tolerance for NUMERIC
   * @param explanation  Markdown shown after submission
   * @param points       points for a correct answer
   */
  public record Question(String id, QuestionType type, String prompt, List<String> options, List<Integer> correct,
                         Double answer, double tolerance, String explanation, int points) {
    public Question {
      options = List.copyOf(options);
      correct = List.copyOf(correct);
    }
  }
}
