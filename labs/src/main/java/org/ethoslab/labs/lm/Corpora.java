package org.ethoslab.labs.lm;

import java.util.ArrayList;
import java.util.List;

/** The vocabulary shared by every model built from this package's corpora. */
public final class Corpora {
  private Corpora() {
  }

  /**
   * The word tokenizer over the general, medical and safety-request corpora plus the chat markers. Models of the
   * MergeAlign and preference-optimization labs all use it, so their parameters line up by name and shape.
   */
  public static WordTokenizer tokenizer() {
    List<String> texts = new ArrayList<>();
    texts.add(ChatExample.userTurn("?"));
    texts.addAll(GeneralCorpus.vocabularyTexts());
    texts.addAll(SafetyRequests.vocabularyTexts());
    texts.addAll(MedicalCorpus.vocabularyTexts());
    texts.addAll(RefusalJudge.PHRASE_WORDS);
    return WordTokenizer.fromTexts(texts);
  }
}
