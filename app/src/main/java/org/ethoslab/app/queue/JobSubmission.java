package org.ethoslab.app.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a submission asks the queue to run.
 *
 * @param lab          lab id, e.g. {@code w2s}
 * @param labVersion   lab version the input was validated against
 * @param input        the labs job JSON: {@code {"lab","labVersion","seed","params","hooks","rubric","resources","hidden"}}
 * @param userId       the student
 * @param courseId     the offering (one class taking a course, {@code offering.id}) it counts for, or null
 *                     outside a course; fair share and the per-course cap work per offering
 * @param computeTier  {@value #CPU_SMALL} or {@value #GPU}
 * @param priority     {@link LabJob#PRIORITY_NORMAL}, or {@link LabJob#PRIORITY_REGRADE} for regrades
 */
public record JobSubmission(String lab, String labVersion, JsonNode input, long userId, Long courseId,
                            String computeTier, int priority) {

  /** The default tier: any runner can take it. */
  public static final String CPU_SMALL = "cpu-small";
  /** Needs a runner that reported at least one GPU. */
  public static final String GPU = "gpu";
  /** Every tier the queue knows. */
  public static final Set<String> TIERS = Set.of(CPU_SMALL, GPU);

  /** A lab id: lower-case letters, digits, '.', '_' or '-', at most 80. Published lab specs use the same rule. */
  public static final Pattern LAB_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
  /** A lab version of at most 40 characters. Published lab specs use the same rule. */
  public static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,39}");

  /** A submission for the default tier and priority. */
  public static JobSubmission of(String lab, String labVersion, JsonNode input, long userId, Long courseId) {
    return new JobSubmission(lab, labVersion, input, userId, courseId, CPU_SMALL, LabJob.PRIORITY_NORMAL);
  }

  /** Checks every field and names the first bad one; nothing is queued when this throws. */
  void validate() {
    if (lab == null || !LAB_ID.matcher(lab).matches()) {
      throw new IllegalArgumentException("lab: expected a lab id of lower-case letters, digits, '.', '_' or '-' "
          + "(at most 80), got " + quoted(lab));
    }
    if (labVersion == null || !VERSION.matcher(labVersion).matches()) {
      throw new IllegalArgumentException("labVersion: expected a version of at most 40 characters, got "
          + quoted(labVersion));
    }
    if (input == null || !input.isObject()) {
      throw new IllegalArgumentException("input: expected the labs job JSON object");
    }
    if (computeTier == null || !TIERS.contains(computeTier)) {
      throw new IllegalArgumentException("computeTier: expected one of " + TIERS + ", got " + quoted(computeTier));
    }
    if (userId <= 0) {
      throw new IllegalArgumentException("userId: expected a user id, got " + userId);
    }
  }

  /** True when the input carries student hook code, which only a sandboxed runner may run. */
  boolean carriesStudentCode() {
    JsonNode hooks = input.get("hooks");
    return hooks != null && hooks.isObject() && !hooks.isEmpty();
  }

  private static String quoted(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }
}
