package org.ethoslab.labs.w2s;

import org.ethoslab.labs.data.LegalRelevanceGenerator;
import org.ethoslab.labs.data.SafetyRequestGenerator;
import org.ethoslab.labs.data.TaskGenerator;
import org.ethoslab.labs.data.ToxicityGenerator;

/** The W2S lab's tasks, after the pilot study of Ye, Xiao &amp; Hui (arXiv 2410.12621). */
public enum W2sTask {
  SAFETY("safety", new SafetyRequestGenerator()),
  TOXICITY("toxicity", new ToxicityGenerator()),
  LEGAL("legal", new LegalRelevanceGenerator()),
  /** An instructor's labelled file named by the job's {@code dataset}; the hidden test file by {@code hidden}. */
  UPLOADED("uploaded", null);

  private final String id;
  private final TaskGenerator generator;

  W2sTask(String id, TaskGenerator generator) {
    this.id = id;
    this.generator = generator;
  }

  public String id() {
    return id;
  }

  /** The seeded generator; {@code null} for {@link #UPLOADED}. */
  public TaskGenerator generator() {
    return generator;
  }

  public static W2sTask of(String id) {
    for (W2sTask t : values()) {
      if (t.id.equals(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown task " + id);
  }
}
