package org.ethoslab.app.offering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class JoinCodesTests {

  @Test
  void codesUseOnlyTheUnambiguousAlphabet() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String code = JoinCodes.generate();
      assertThat(code).hasSize(JoinCodes.LENGTH).matches("[" + JoinCodes.ALPHABET + "]+");
      seen.add(code);
    }
    assertThat(seen).hasSizeGreaterThan(995);
    assertThat(JoinCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L", "5", "S", "8", "B", "2", "Z");
  }

  @Test
  void typedCodesAreNormalized() {
    assertThat(JoinCodes.normalize(" acde-fg34 ")).isEqualTo("ACDEFG34");
    assertThat(JoinCodes.normalize("AC DE FG 34")).isEqualTo("ACDEFG34");
    assertThat(JoinCodes.display("ACDEFG34")).isEqualTo("ACDE-FG34");
  }
}
