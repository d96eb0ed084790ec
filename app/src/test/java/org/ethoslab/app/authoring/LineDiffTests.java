package org.ethoslab.app.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LineDiffTests {

  @Test
  void marksChangedLinesAndKeepsTheRest() {
    List<LineDiff.Line> diff = LineDiff.diff("a\nb\nc\nd", "a\nB\nc\nd\ne");
    assertThat(diff).extracting(l -> l.marker() + l.text())
        .containsExactly(" a", "-b", "+B", " c", " d", "+e");
  }

  @Test
  void longUnchangedRunsAreFolded() {
    String before = String.join("\n", java.util.Collections.nCopies(20, "same")) + "\nold\n" + "tail";
    String after = String.join("\n", java.util.Collections.nCopies(20, "same")) + "\nnew\n" + "tail";
    List<LineDiff.Line> folded = LineDiff.aroundChanges(LineDiff.diff(before, after), 2);
    assertThat(folded).extracting(l -> l.marker() + l.text())
        .containsExactly("…18 unchanged lines", " same", " same", "-old", "+new", " tail");
  }

  @Test
  void emptyTexts() {
    assertThat(LineDiff.diff("", "")).isEmpty();
    assertThat(LineDiff.diff("", "x")).extracting(LineDiff.Line::op).containsExactly(LineDiff.Op.ADDED);
    assertThat(LineDiff.diff("x", null)).extracting(LineDiff.Line::op).containsExactly(LineDiff.Op.REMOVED);
  }

  @Test
  void slugsAreIdsOfTheFileFormat() {
    assertThat(AuthoringService.uniqueSlug("Sycophancy: 5 Assistants!", s -> false)).isEqualTo("sycophancy-5-assistants");
    assertThat(AuthoringService.uniqueSlug("Intro", s -> s.equals("intro") || s.equals("intro-2"))).isEqualTo("intro-3");
    assertThat(AuthoringService.uniqueSlug("¿¡!", s -> false)).isEqualTo("item");
  }
}
