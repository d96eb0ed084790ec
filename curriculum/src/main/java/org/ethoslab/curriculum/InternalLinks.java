package org.ethoslab.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks links between items of one course. In Markdown, {@code [text](item:<module-id>/<item-id>)} (or a
 * reference definition {@code [ref]: item:<module-id>/<item-id>}) points to another item; the app turns it
 * into the item's URL. A link whose target does not exist is a problem at the link's line.
 */
final class InternalLinks {

  /** The URL scheme of an internal link. */
  static final String SCHEME = "item:";

  private static final Pattern LINK = Pattern.compile(
      "(?:\\]\\(\\s*<?|^[ \\t]{0,3}\\[[^\\]\\n]+\\]:[ \\t]*<?)item:([^\\s)>]*)", Pattern.MULTILINE);

  private final List<Site> sites = new ArrayList<>();

  /**
   * Remembers the links in {@code markdown} for checking once all items are known.
   *
   * @param lineOfOffset maps an offset in {@code markdown} to a 1-based line of {@code file}
   */
  void collect(String file, String markdown, IntUnaryOperator lineOfOffset) {
    Matcher matcher = LINK.matcher(markdown);
    while (matcher.find()) {
      sites.add(new Site(file, lineOfOffset.applyAsInt(matcher.start(1)), matcher.group(1)));
    }
  }

  /** Reports each collected link whose target is not one of {@code targets} ({@code module-id/item-id}). */
  void check(Set<String> targets, ProblemList problems) {
    for (Site site : sites) {
      if (!site.target.matches("[a-z0-9-]+/[a-z0-9-]+")) {
        problems.add(site.file, site.line, "internal link 'item:" + site.target
            + "' must have the form item:<module-id>/<item-id>");
      } else if (!targets.contains(site.target)) {
        problems.add(site.file, site.line, "internal link 'item:" + site.target
            + "' points to no item of this course");
      }
    }
  }

  private record Site(String file, int line, String target) {
  }
}
