package org.ethoslab.curriculum;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lab ids a curriculum may refer to, as its caller knows them. This module depends on no lab engine, so whoever
 * loads a curriculum says which labs exist: the app passes the labs its runners published, this module's own tests
 * the ids of the real lab registry.
 *
 * @param ids     the known lab ids, e.g. {@code w2s}
 * @param checked false when any id is accepted ({@link #unchecked()}): the caller cannot know the labs yet and checks
 *                them itself later (the app at start, before any runner has published its labs)
 */
public record KnownLabs(Set<String> ids, boolean checked) {

  public KnownLabs {
    ids = Set.copyOf(ids);
  }

  /** Exactly these lab ids; any other is reported as unknown at its file and line. */
  public static KnownLabs of(Collection<String> ids) {
    return new KnownLabs(Set.copyOf(ids), true);
  }

  /** Every lab id is accepted: the caller finds out later which ones can run. */
  public static KnownLabs unchecked() {
    return new KnownLabs(Set.of(), false);
  }

  public boolean knows(String labId) {
    return !checked || ids.contains(labId);
  }

  /** The ids in alphabetical order, for error messages. */
  public String describe() {
    return ids.isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(ids));
  }
}
