package org.ethoslab.curriculum;

import org.ethoslab.labs.core.Lab;
import org.ethoslab.labs.core.LabRegistry;

/** The lab ids of the real lab registry (every lab registered through ServiceLoader), for the curriculum's tests. */
final class RegistryLabs {

  static final KnownLabs KNOWN = KnownLabs.of(LabRegistry.discover().all().stream()
      .map(Lab::spec).map(spec -> spec.id()).toList());

  private RegistryLabs() {
  }
}
