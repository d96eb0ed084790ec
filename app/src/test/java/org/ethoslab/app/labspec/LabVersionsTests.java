package org.ethoslab.app.labspec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LabVersionsTests {

  @Test
  void numbersCompareAsNumbersAndTextAsText() {
    List<String> versions = new ArrayList<>(List.of("10", "2", "1.10", "1.9", "2.1", "2-beta", "1"));
    versions.sort(LabVersions.OLDEST_FIRST);

    assertThat(versions).containsExactly("1", "1.9", "1.10", "2", "2.1", "2-beta", "10");
  }

  @Test
  void aNumberComesBeforeTextInTheSamePlace() {
    assertThat(LabVersions.compare("3.1", "3.rc")).isNegative();
    assertThat(LabVersions.compare("b", "a")).isPositive();
    assertThat(LabVersions.compare("2", "2")).isZero();
  }
}
