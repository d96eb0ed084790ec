package org.ethoslab.app.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV fields: RFC 4180 quoting and cells a spreadsheet would run as formulas. */
class GradebookCsvTests {

  @Test
  void plainTextStaysAsItIs() {
    assertThat(GradebookCsv.field("Ada Lovelace")).isEqualTo("Ada Lovelace");
    assertThat(GradebookCsv.field("")).isEmpty();
    assertThat(GradebookCsv.field(null)).isEmpty();
  }

  @Test
  void commasQuotesAndLineBreaksAreQuoted() {
    assertThat(GradebookCsv.field("Lovelace, Ada")).isEqualTo("\"Lovelace, Ada\"");
    assertThat(GradebookCsv.field("Ada \"the\" first")).isEqualTo("\"Ada \"\"the\"\" first\"");
    assertThat(GradebookCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(GradebookCsv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
  }

  @Test
  void cellsStartingLikeAFormulaGetAnApostrophe() {
    assertThat(GradebookCsv.field("=1+1")).isEqualTo("'=1+1");
    assertThat(GradebookCsv.field("+49 30 1234")).isEqualTo("'+49 30 1234");
    assertThat(GradebookCsv.field("-2")).isEqualTo("'-2");
    assertThat(GradebookCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(GradebookCsv.field("\tx")).isEqualTo("'\tx");
    assertThat(GradebookCsv.field("=HYPERLINK(\"a\",\"b\")")).isEqualTo("\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"");
    assertThat(GradebookCsv.field("a=b")).isEqualTo("a=b");
  }

  @Test
  void numbersAreWholeOrTwoDecimals() {
    assertThat(GradebookCsv.number(80.0)).isEqualTo("80");
    assertThat(GradebookCsv.number(64.8)).isEqualTo("64.80");
    assertThat(GradebookCsv.number(null)).isEmpty();
  }
}
