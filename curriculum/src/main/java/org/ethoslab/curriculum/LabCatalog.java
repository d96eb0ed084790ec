package org.ethoslab.curriculum;

import java.util.Set;
import java.util.TreeSet;

/**
 * The lab ids a curriculum may refer to. The curriculum module does not depend on the lab engine, so the
 * app passes the ids its lab registry knows; {@link #BUILT_IN} lists the labs this project ships.
 *
 * @param ids known lab ids, e.g. {@code w2s}
 */
public record LabCatalog(Set<String> ids) {

  /** The three graded labs of module {@code labs}: weak-to-strong, merging, preference optimization. */
  public static final LabCatalog BUILT_IN = new LabCatalog(Set.of("w2s", "mergealign", "prefopt"));

  public LabCatalog {
    ids = Set.copyOf(ids);
  }

  public boolean knows(String labId) {
    return ids.contains(labId);
  }

  /** The ids in alphabetical order, for error messages. */
  public String describe() {
    return String.join(", ", new TreeSet<>(ids));
  }
}
