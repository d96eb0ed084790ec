package org.ethoslab.curriculum;

import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Internal links between items of a course: in Markdown, {@code [text](item:<module-id>/<item-id>)} or a
 * reference definition {@code [ref]: item:<module-id>/<item-id>}. The loader checks that every such link
 * resolves; a renderer calls {@link #rewrite} to turn them into URLs before sanitizing the HTML, since
 * sanitizers drop links with unknown schemes.
 */
public final class ItemLinks {

  /** The URL scheme of an internal link. */
  public static final String SCHEME = "item:";

  /** Link destinations ({@code (item:…} or {@code ]: item:…}); group 1 is {@code <module-id>/<item-id>}. */
  static final Pattern LINK = Pattern.compile(
      "(?:\\]\\(\\s*<?|^[ \\t]{0,3}\\[[^\\]\\n]+\\]:[ \\t]*<?)item:([^\\s)>]*)", Pattern.MULTILINE);

  private static final Pattern TARGET = Pattern.compile("([a-z0-9-]+)/([a-z0-9-]+)");

  private ItemLinks() {
  }

  /**
   * Replaces the target of every internal link in {@code markdown} by {@code url.apply(moduleId, itemId)};
   * links that do not have the form {@code item:<module-id>/<item-id>} are left unchanged.
   */
  public static String rewrite(String markdown, BiFunction<String, String, String> url) {
    Matcher matcher = LINK.matcher(markdown);
    StringBuilder out = new StringBuilder(markdown.length());
    int last = 0;
    while (matcher.find()) {
      Matcher target = TARGET.matcher(matcher.group(1));
      if (!target.matches()) {
        continue;
      }
      int schemeStart = matcher.start(1) - SCHEME.length();
      out.append(markdown, last, schemeStart).append(url.apply(target.group(1), target.group(2)));
      last = matcher.end(1);
    }
    return out.append(markdown, last, markdown.length()).toString();
  }
}
