package org.ethoslab.labs.merging;

import java.util.List;
import org.ethoslab.hooks.merging.MergeMethod;

/** The lab's five merge hooks: the class name a student submits, the reference, and the methods that use it. */
enum MergeHook {
  MERGE_ALIGN("MergeAlign", true),
  TASK_ARITHMETIC("TaskArithmetic", false),
  TIES("Ties", false),
  DARE("Dare", false),
  SLERP("Slerp", true);

  private final String hookName;
  private final boolean twoModelsOnly;

  MergeHook(String hookName, boolean twoModelsOnly) {
    this.hookName = hookName;
    this.twoModelsOnly = twoModelsOnly;
  }

  String hookName() {
    return hookName;
  }

  /** MergeAlign and SLERP combine exactly two models; the others any number. */
  boolean twoModelsOnly() {
    return twoModelsOnly;
  }

  MergeMethod reference() {
    return switch (this) {
      case MERGE_ALIGN -> new MergeAlignReference();
      case TASK_ARITHMETIC -> new TaskArithmeticReference();
      case TIES -> new TiesReference();
      case DARE -> new DareReference();
      case SLERP -> new SlerpReference();
    };
  }

  static List<String> names() {
    return java.util.Arrays.stream(values()).map(MergeHook::hookName).toList();
  }

  static MergeHook byName(String name) {
    for (MergeHook h : values()) {
      if (h.hookName.equals(name)) {
        return h;
      }
    }
    return null;
  }
}
