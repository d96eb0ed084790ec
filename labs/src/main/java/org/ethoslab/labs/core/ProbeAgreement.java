package org.ethoslab.labs.core;

import java.io.IOException;
import java.util.List;
import java.util.function.BiPredicate;
import org.ethoslab.hooks.channel.HookOutcome;

/**
 * How well a student's hook matches its reference on probe inputs the trusted phase drew from the hidden seed: the
 * share of probes on which the two outcomes agree. A hook the job does not carry was not submitted and scores 0, so
 * a job without code can never collect the points of code.
 */
public final class ProbeAgreement {
  private ProbeAgreement() {
  }

  /**
   * The share of {@code probes} on which {@code student} and {@code reference} agree by {@code matches}
   * (student outcome, reference outcome); 0 when the student's hook was not submitted or there are no probes.
   */
  public static <T> double share(Hook<T> student, Hook<T> reference, List<Object[]> probes,
                  BiPredicate<HookOutcome, HookOutcome> matches) throws IOException {
    if (!student.submitted() || probes.isEmpty()) {
      return 0.0;
    }
    List<HookOutcome> got = student.callAll(probes);
    List<HookOutcome> expected = reference.callAll(probes);
    int agreed = 0;
    for (int i = 0; i < probes.size(); i++) {
      if (matches.test(got.get(i), expected.get(i))) {
        agreed++;
      }
    }
    return (double) agreed / probes.size();
  }
}
