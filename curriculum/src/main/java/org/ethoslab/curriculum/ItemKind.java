package org.ethoslab.curriculum;

/** What a module item is; decides how the app renders and grades it. */
public enum ItemKind {
  LESSON,
  CASE_STUDY,
  QUIZ,
  LAB
}
