package org.ethoslab.app.lesson;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.ethoslab.curriculum.ItemLinks;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Turns curriculum Markdown (GFM tables, fenced code, {@code $…$}/{@code $$…$$} math) into HTML that is safe to put
 * in a page: the Markdown's own HTML is passed through the parser and then everything is sanitized against an
 * allow-list, so a script or event handler in a lesson file never reaches a browser.
 */
@Component
public class MarkdownRenderer {

  private static final Pattern LANGUAGE_CLASS = Pattern.compile("language-[a-zA-Z0-9_+-]{1,30}");
  private static final Pattern MATH_CLASS = Pattern.compile("math-(inline|display)");

  private static final PolicyFactory POLICY = Sanitizers.FORMATTING
      .and(Sanitizers.BLOCKS)
      .and(Sanitizers.LINKS)
      .and(Sanitizers.TABLES)
      .and(Sanitizers.IMAGES)
      .and(new HtmlPolicyBuilder()
          .allowElements("pre", "code", "hr", "span", "div", "thead", "tbody", "th", "td", "tr", "del", "dl", "dt",
              "dd")
          .allowAttributes("class").matching(LANGUAGE_CLASS).onElements("code")
          .allowAttributes("class").matching(MATH_CLASS).onElements("span")
          .allowAttributes("align").matching(true, "left", "right", "center").onElements("th", "td")
          .toFactory());

  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownRenderer() {
    List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
    this.parser = Parser.builder().extensions(extensions).build();
    this.renderer = HtmlRenderer.builder().extensions(extensions).build();
  }

  /**
   * Sanitized HTML for a lesson whose title the page already shows as its heading: a first-level heading at the
   * top of the Markdown that repeats the title is left out, so the title does not appear twice.
   */
  public String lessonHtml(String markdown, String title) {
    String text = markdown == null ? "" : markdown.stripLeading();
    int end = text.indexOf('\n');
    String firstLine = (end < 0 ? text : text.substring(0, end)).strip();
    if (firstLine.startsWith("# ") && firstLine.substring(2).strip().equalsIgnoreCase(title.strip())) {
      text = end < 0 ? "" : text.substring(end + 1);
    }
    return toSafeHtml(text);
  }

  /**
   * Where an internal link {@code item:<module>/<item>} points: relative to a page of an offering
   * ({@code /offerings/{id}/items/…} or {@code /offerings/{id}/quizzes/…}), so the renderer needs no offering id;
   * that address redirects to the item's page.
   */
  static String itemLinkTarget(String moduleSlug, String itemSlug) {
    return "../items/by-slug/" + moduleSlug + "/" + itemSlug;
  }

  /** Sanitized HTML for the given Markdown, on a page below an offering (an item, quiz or lab page). */
  public String toSafeHtml(String markdown) {
    return render(markdown, MarkdownRenderer::itemLinkTarget);
  }

  /**
   * Sanitized HTML for Markdown on the offering's own page ({@code /offerings/{id}}, e.g. the course summary), where
   * a relative internal link must name the offering.
   */
  public String offeringPageHtml(String markdown, long offeringId) {
    return render(markdown, (moduleSlug, itemSlug) -> offeringId + "/items/by-slug/" + moduleSlug + "/" + itemSlug);
  }

  private String render(String markdown, java.util.function.BiFunction<String, String, String> itemLink) {
    MathSpans math = new MathSpans();
    // Rewritten before sanitizing: the sanitizer drops links with the unknown scheme "item:".
    String linked = ItemLinks.rewrite(markdown == null ? "" : markdown, itemLink);
    String protectedMarkdown = math.protect(linked);
    String html = renderer.render(parser.parse(protectedMarkdown));
    return POLICY.sanitize(math.restore(html));
  }
}
