package org.ethoslab.app.lab;

import java.util.Optional;

import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.ItemBodies.LabBody;
import org.ethoslab.app.grading.LabAssignment;
import org.ethoslab.app.offering.Enrollment;
import org.ethoslab.app.offering.Offering;

/**
 * A lab item of an offering as one user may open it, without the lab's spec: the item, its authored body and the
 * instructor's assignment settings. Result, history and comparison pages need no more, so they keep working when no
 * runner offers the lab any more.
 */
public record AssignedLab(Offering offering, Optional<Enrollment> enrollment, CourseItem item, LabBody body,
                          LabAssignment assignment) {
}
