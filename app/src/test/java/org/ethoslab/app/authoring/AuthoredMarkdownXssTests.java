package org.ethoslab.app.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.ethoslab.app.lesson.MarkdownRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an instructor writes is rendered for students by {@link MarkdownRenderer}; none of these attacks may reach
 * the page in a form a browser would run. The editor preview uses the same method, so it is covered too.
 */
class AuthoredMarkdownXssTests {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @ParameterizedTest
  @ValueSource(strings = {
      "<script>alert(1)</script>",
      "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
      "[click](javascript:alert(1))",
      "[click](JaVaScRiPt:alert(1))",
      "[click](java\tscript:alert(1))",
      "[ref]\n\n[ref]: javascript:alert(1)",
      "<a href=\"javascript:alert(1)\">x</a>",
      "<img src=x onerror=alert(1)>",
      "![x](x \"a\\\" onerror=\\\"alert(1)\")",
      "<p onclick=\"alert(1)\">hi</p>",
      "<div onmouseover=alert(1)>hover</div>",
      "<svg onload=alert(1)><circle r=1 /></svg>",
      "<svg><script>alert(1)</script></svg>",
      "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
      "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
      "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
      "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
      "<p style=\"background:url(javascript:alert(1))\">x</p>",
      "<div style=\"width: expression(alert(1))\">x</div>",
      "<style>body{background:url(javascript:alert(1))}</style>",
      "<object data=\"x.swf\"></object><embed src=x>",
      "<form action=\"javascript:alert(1)\"><button>go</button></form>",
      "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
      "<base href=\"javascript:alert(1)//\">",
      "$x$</span><script>alert(1)</script>",
      "`<script>alert(1)</script>` and <b onmouseover=alert(1)>bold</b>"
  })
  void attacksAreNeutralized(String markdown) {
    String html = renderer.toSafeHtml(markdown).toLowerCase(Locale.ROOT);
    assertThat(html).doesNotContain("<script").doesNotContain("javascript:").doesNotContain("<svg")
        .doesNotContain("<iframe").doesNotContain("<object").doesNotContain("<embed").doesNotContain("<style")
        .doesNotContain("<meta").doesNotContain("<base").doesNotContain("<form").doesNotContain("expression(")
        .doesNotContain("data:text").doesNotContain(" style=").doesNotContainPattern("\\son[a-z]+\\s*=");
  }

  @Test
  void codeShowsAttacksAsText() {
    String html = renderer.toSafeHtml("`<script>alert(1)</script>`");
    assertThat(html).contains("&lt;script&gt;");
  }

  @Test
  void ordinaryLinksAndItemLinksSurvive() {
    String html = renderer.toSafeHtml("See [the paper](https://arxiv.org/abs/2312.09390) and "
        + "[the method](item:weak-to-strong/method-and-pgr).\n\n[ref]: item:sycophancy/quiz\n\nAlso [this][ref].");
    assertThat(html).contains("href=\"https://arxiv.org/abs/2312.09390\"")
        .contains("href=\"../items/by-slug/weak-to-strong/method-and-pgr\"")
        .contains("href=\"../items/by-slug/sycophancy/quiz\"")
        .doesNotContain("item:");
  }

  @Test
  void onTheOfferingPageItemLinksNameTheOffering() {
    // The outline is /offerings/12, so the relative link resolves to /offerings/12/items/by-slug/...
    assertThat(renderer.offeringPageHtml("[start](item:weak-to-strong/what-is-w2s)", 12))
        .contains("href=\"12/items/by-slug/weak-to-strong/what-is-w2s\"");
    assertThat(renderer.offeringPageHtml("<a href=\"javascript:alert(1)\" onclick=\"x()\">x</a>", 12))
        .doesNotContain("javascript:").doesNotContain("onclick");
  }
}
