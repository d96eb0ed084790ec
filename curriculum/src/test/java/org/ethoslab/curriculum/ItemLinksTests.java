package org.ethoslab.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemLinksTests {

  @Test
  void rewritesInlineAndReferenceLinks() {
    String markdown = "See [the quiz](item:basics/check) and [ref].\n\n[ref]: item:basics/intro\n";

    String rewritten = ItemLinks.rewrite(markdown, (module, item) -> "/courses/c/" + module + "/" + item);

    assertThat(rewritten).isEqualTo(
        "See [the quiz](/courses/c/basics/check) and [ref].\n\n[ref]: /courses/c/basics/intro\n");
  }

  @Test
  void leavesMalformedLinksAndOtherTextAlone() {
    String markdown = "[odd](item:nope) and item:basics/check in prose and [web](https://example.org)";

    assertThat(ItemLinks.rewrite(markdown, (module, item) -> "/x")).isEqualTo(markdown);
  }
}
