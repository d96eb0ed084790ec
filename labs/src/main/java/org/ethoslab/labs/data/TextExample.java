package org.ethoslab.labs.data;

/**
 * One labelled example: a text, an optional second text for pair tasks (question/clause), and a class label
 * ({@code 0} = negative/harmless/irrelevant, {@code 1} = positive/harmful/relevant).
 */
public record TextExample(String text, String pairText, int label) {
  public TextExample {
    if (text == null) {
      throw new IllegalArgumentException("text is required");
    }
    if (label < 0) {
      throw new IllegalArgumentException("label must be >= 0, got " + label);
    }
  }

  public static TextExample of(String text, int label) {
    return new TextExample(text, null, label);
  }

  public boolean isPair() {
    return pairText != null;
  }
}
