package org.ethoslab.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;

/**
 * Checks the {@link ItemLinks internal links} of one course: a link whose target does not exist is a
 * problem at the link's line.
 */
final class InternalLinks {

  private final List<Site> sites = new ArrayList<>();

  /**
   * Remembers the links in {@code markdown} for checking once all items are known.
   *
   * @param lineOfOffset maps an offset in {@code markdown} to a 1-based line of {@code file}
   */
  void collect(String file, String markdown, IntUnaryOperator lineOfOffset) {
    Matcher matcher = ItemLinks.LINK.matcher(markdown);
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
