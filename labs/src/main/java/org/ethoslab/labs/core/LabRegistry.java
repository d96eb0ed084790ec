package org.ethoslab.labs.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The labs this build can run: every {@link Lab} registered through {@link ServiceLoader} on the class path, looked up
 * by id and (optionally) version. Adding a lab is a class and a line in {@code META-INF/services}.
 */
public final class LabRegistry {
  private final List<Lab> labs;

  private LabRegistry(List<Lab> labs) {
    this.labs = List.copyOf(labs);
  }

  /** The labs on the class path of {@code loader}, ordered by id and version. */
  public static LabRegistry discover(ClassLoader loader) {
    List<Lab> found = new ArrayList<>();
    ServiceLoader.load(Lab.class, loader).forEach(found::add);
    found.sort(Comparator.comparing((Lab l) -> l.spec().id()).thenComparing(l -> l.spec().version()));
    return new LabRegistry(found);
  }

  /** The labs on this class's own class path. */
  public static LabRegistry discover() {
    return discover(LabRegistry.class.getClassLoader());
  }

  /** A registry of exactly these labs (tests). */
  public static LabRegistry of(Lab... labs) {
    return new LabRegistry(List.of(labs));
  }

  public List<Lab> all() {
    return labs;
  }

  /** The lab with this id; with a version, exactly that version, else the newest registered. */
  public Lab find(String id, String version) {
    Lab found = null;
    for (Lab lab : labs) {
      if (lab.spec().id().equals(id) && (version == null || lab.spec().version().equals(version))) {
        found = lab;
      }
    }
    if (found == null) {
      String known = String.join(", ", labs.stream().map(l -> l.spec().id() + "@" + l.spec().version()).toList());
      throw LabFailure.badInput(version == null ? "lab" : "labVersion", "no lab " + id
          + (version == null ? "" : " version " + version) + " (known: " + known + ")");
    }
    return found;
  }
}
