package org.ethoslab.app.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Keeps TeX math away from the Markdown parser, which would otherwise read {@code a_1 * b_2} as emphasis. Before
 * parsing, each {@code $$…$$} (display) and {@code $…$} (inline) outside code is replaced by an alphanumeric token
 * Markdown leaves alone; after rendering, each token becomes a {@code <span class="math-inline">} or
 * {@code <div class="math-display">} holding the HTML-escaped TeX, which {@code /js/math.js} hands to KaTeX.
 *
 * <p>Rules: {@code \$} is a literal dollar; inline math must start with a non-space after the opening {@code $} and
 * end with a non-space before the closing one, on the same line (so "costs $5 and $10" stays text). Fenced code
 * blocks and backtick code spans are never touched.
 */
final class MathSpans {

  private static final Pattern DISPLAY = Pattern.compile("\\$\\$(.+?)\\$\\$", Pattern.DOTALL);
  private static final Pattern INLINE = Pattern.compile("(?<![\\\\$])\\$(?![\\s$])([^$\\n]*?[^\\s\\\\$])\\$(?![$\\d])");
  /** A fenced code block (up to its closing fence or the end) or a backtick code span. */
  private static final Pattern CODE = Pattern.compile(
      "(?m)^ {0,3}(`{3,}|~{3,})[^\\n]*\\n[\\s\\S]*?(?:^ {0,3}\\1[`~]*[ \\t]*$|\\z)|(`+)[^`]+?\\2");
  private static final Pattern TOKEN = Pattern.compile("EthosMathToken(\\d+)X");

  private final List<String> tex = new ArrayList<>();
  private final List<Boolean> display = new ArrayList<>();

  /** Replaces math outside code with tokens, remembering each formula. */
  String protect(String markdown) {
    StringBuilder out = new StringBuilder(markdown.length());
    Matcher code = CODE.matcher(markdown);
    int last = 0;
    while (code.find()) {
      out.append(protectText(markdown.substring(last, code.start())));
      out.append(code.group());
      last = code.end();
    }
    out.append(protectText(markdown.substring(last)));
    return out.toString();
  }

  /** Replaces each token in rendered HTML by its formula's element. */
  String restore(String html) {
    Matcher m = TOKEN.matcher(html);
    StringBuilder out = new StringBuilder(html.length());
    while (m.find()) {
      int index = Integer.parseInt(m.group(1));
      String replacement = index < tex.size() ? element(index) : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String element(int index) {
    String escaped = HtmlUtils.htmlEscape(tex.get(index));
    return display.get(index)
        ? "<span class=\"math-display\">" + escaped + "</span>"
        : "<span class=\"math-inline\">" + escaped + "</span>";
  }

  private String protectText(String text) {
    String withDisplay = replace(DISPLAY, text, true);
    return replace(INLINE, withDisplay, false);
  }

  private String replace(Pattern pattern, String text, boolean isDisplay) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      tex.add(m.group(1).strip());
      display.add(isDisplay);
      m.appendReplacement(out, "EthosMathToken" + (tex.size() - 1) + "X");
    }
    m.appendTail(out);
    return out.toString();
  }
}
