package org.ethoslab.app.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTests {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @Test
  void rendersTablesAndCode() {
    String html = renderer.toSafeHtml("""
        | Model | Accuracy |
        |:------|---------:|
        | weak  | 0.71     |

        ```java
        int x = 1;
        ```
        """);
    assertThat(html).contains("<table>").contains("<th").contains("weak").contains("0.71");
    assertThat(html).contains("<pre><code class=\"language-java\">int x &#61; 1;");
  }

  @Test
  void keepsMathAwayFromTheMarkdownParser() {
    String html = renderer.toSafeHtml("Inline $a_1 * b_2 * c_3$ and display:\n\n$$\\text{PGR} = \\frac{a_{w2s} - a_w}{a_c - a_w}$$\n");
    assertThat(html).contains("<span class=\"math-inline\">a_1 * b_2 * c_3</span>");
    assertThat(html).contains("<span class=\"math-display\">\\text{PGR} &#61; \\frac{a_{w2s} - a_w}{a_c - a_w}</span>");
    assertThat(html).doesNotContain("<em>");
  }

  @Test
  void leavesDollarsInCodeAndPricesAlone() {
    String html = renderer.toSafeHtml("It costs $5 and $10.\n\n`echo $HOME$` and\n\n```\nx = $a_b$\n```\n");
    assertThat(html).doesNotContain("math-inline");
    assertThat(html).contains("$5 and $10").contains("echo $HOME$").contains("x &#61; $a_b$");
  }

  @Test
  void mathWithHtmlCharactersIsEscapedNotInterpreted() {
    String html = renderer.toSafeHtml("$a < b & c > d$");
    assertThat(html).contains("math-inline").contains("&lt;").doesNotContain("<b");
  }

  @Test
  void removesScriptsEventHandlersAndJavascriptLinks() {
    String html = renderer.toSafeHtml("""
        <script>alert(1)</script>
        <img src="x.png" onerror="alert(2)">
        [click](javascript:alert(3)) <a href="https://example.org" onclick="alert(4)">ok</a>
        <iframe src="https://evil.example"></iframe>
        """);
    assertThat(html).doesNotContain("<script").doesNotContain("onerror").doesNotContain("href=\"javascript")
        .doesNotContain("onclick").doesNotContain("<iframe").doesNotContain("alert(1)");
    assertThat(html).contains("href=\"https://example.org\"");
  }

  @Test
  void dropsALeadingHeadingThatRepeatsTheTitle() {
    assertThat(renderer.lessonHtml("# What PGR is\n\nBody text.", "What PGR is")).doesNotContain("<h1>")
        .contains("Body text.");
    assertThat(renderer.lessonHtml("# Another heading\n\nBody.", "What PGR is")).contains("<h1>Another heading</h1>");
  }
}
