package org.ethoslab.app.lab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.ItemBodies.LabBody;
import org.ethoslab.app.grading.LabAssignment;
import org.ethoslab.app.offering.Enrollment;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.contract.lab.LabSpec.ParamSpec;

/**
 * Everything a lab page and a submission need about one lab item in one offering, for one user: the lab's spec (the
 * newest version a runner published), the item's authored defaults and the instructor's assignment settings, merged.
 * Parameter defaults come from the spec, then the curriculum item, then the instructor (each later one wins);
 * {@code editable} is null when every parameter may be changed.
 */
public record LabSettings(Offering offering, Optional<Enrollment> enrollment, CourseItem item, LabBody body,
                          LabSpec lab, LabAssignment assignment, Map<String, Object> effectiveParams,
                          Set<String> editable) {

  /** Merges the three layers of defaults; unknown names in the item or assignment are ignored. */
  static Map<String, Object> merge(LabSpec lab, Map<String, Object> itemDefaults,
                                   Map<String, Object> assignmentDefaults) {
    Map<String, Object> merged = new LinkedHashMap<>();
    for (ParamSpec p : lab.params()) {
      merged.put(p.name(), p.defaultValue());
    }
    for (Map<String, Object> layer : new Map[] {itemDefaults, assignmentDefaults}) {
      if (layer != null) {
        layer.forEach((name, value) -> {
          if (merged.containsKey(name) && value != null) {
            merged.put(name, value);
          }
        });
      }
    }
    return Collections.unmodifiableMap(merged);
  }

  /** Whether the student may change this parameter. */
  public boolean editable(String name) {
    return editable == null || editable.contains(name);
  }

  /** The student's enrollment id, when they are enrolled. */
  public boolean enrolled() {
    return enrollment.isPresent();
  }
}
