package org.ethoslab.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The app depends on the lab contract, never on the labs engine or DJL: its lab catalog is what runners publish. Run in
 * the app's own test JVM, whose class path is the app's plus its test dependencies, so neither can slip in through
 * any of them.
 */
class NoLabsOnClasspathTests {

  @Test
  void theLabsEngineIsNotOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("org.ethoslab.labs.core.Lab")).isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.ethoslab.labs.core.LabRegistry"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void noDjlClassIsOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("ai.djl.ndarray.NDArray")).isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("ai.djl.huggingface.tokenizers.HuggingFaceTokenizer"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
