package org.ethoslab.labs.core;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.ethoslab.contract.hook.HookProtocolException;
import org.ethoslab.contract.job.LabExit;
import org.ethoslab.hooks.channel.HookClient;
import org.ethoslab.hooks.channel.HookMethods;
import org.ethoslab.hooks.channel.HookOutcome;
import org.ethoslab.hooks.channel.StudentError;

/**
 * One hook of a job, as {@link StudentHooks#hook} gives it: the student's, called over the hook channel, or the
 * lab's reference, called here. Calls go in batches: one round trip for all of a batch's argument lists.
 *
 * @param <T> the hook interface
 */
public final class Hook<T> {

  private final String name;
  private final Method method;
  private final Channel channel;
  private final Object implementation;
  private final boolean submitted;

  /** The hook channel, opened at the first call: it waits until the hook host has loaded the student's classes. */
  @FunctionalInterface
  interface Channel {
    HookClient open() throws IOException;
  }

  private Hook(String name, Class<T> type, Channel channel, Object implementation, boolean submitted) {
    this.name = name;
    this.method = HookMethods.of(type);
    this.channel = channel;
    this.implementation = implementation;
    this.submitted = submitted;
  }

  /** The student's hook, answered over the hook channel. */
  static <T> Hook<T> overChannel(String name, Class<T> type, Channel channel) {
    return new Hook<>(name, type, channel, null, true);
  }

  /** A hook answered in this process by trusted code: the lab's reference, or a stand-in of the project's. */
  static <T> Hook<T> inProcess(String name, Class<T> type, Object implementation, boolean submitted) {
    return new Hook<>(name, type, null, implementation, submitted);
  }

  /** The lab's own implementation as a hook, for comparing the student's against. */
  public static <T> Hook<T> reference(String name, Class<T> type, T implementation) {
    return inProcess(name, type, implementation, false);
  }

  public String name() {
    return name;
  }

  /** True for the student's hook, false for the reference. */
  public boolean submitted() {
    return submitted;
  }

  /** {@code student} or {@code reference}, for provenance. */
  public String source() {
    return submitted() ? "student" : "reference";
  }

  /**
   * Calls the hook once per argument list. What the student's code threw comes back as that call's outcome; an
   * answer that cannot be read is the student's failure, a lost channel propagates for the runner to judge.
   */
  public List<HookOutcome> callAll(List<Object[]> arguments) throws IOException {
    if (channel != null) {
      HookClient client = channel.open();
      try {
        return client.call(name, method, arguments);
      } catch (HookProtocolException e) {
        throw new LabFailure(LabExit.STUDENT_CODE_FAILED, name + "'s answer could not be read: "
            + e.getMessage());
      }
    }
    List<HookOutcome> outcomes = new ArrayList<>(arguments.size());
    for (Object[] args : arguments) {
      try {
        outcomes.add(HookOutcome.returned(method.invoke(implementation, args)));
      } catch (InvocationTargetException e) {
        outcomes.add(HookOutcome.threw(StudentError.of(e.getCause(), "")));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("the reference of " + name + " cannot be called", e);
      }
    }
    return outcomes;
  }

  /** The values of a batch; the first call that threw fails the job with the student's exception and line. */
  public List<Object> values(List<Object[]> arguments) throws IOException {
    List<HookOutcome> outcomes = callAll(arguments);
    List<Object> values = new ArrayList<>(outcomes.size());
    for (HookOutcome o : outcomes) {
      if (o.threw()) {
        throw failure(o.error());
      }
      values.add(o.value());
    }
    return values;
  }

  /** One call's value; if it threw, the job fails with the student's exception and line. */
  public Object call(Object... arguments) throws IOException {
    List<Object[]> one = new ArrayList<>();
    one.add(arguments);
    return values(one).get(0);
  }

  /** A student failure pointing at the line the error names. */
  public static LabFailure failure(StudentError error) {
    String message = error.describe();
    return new LabFailure(LabExit.STUDENT_CODE_FAILED, message, error.file().isEmpty() ? null : error.file(),
        error.file().isEmpty() ? null : error.line(), List.of(message), null);
  }

  /** The job fails because the hook's answer is unusable; {@code problem} says how, in the student's terms. */
  public LabFailure unusable(String problem) {
    String message = name + " " + problem;
    return new LabFailure(LabExit.STUDENT_CODE_FAILED, message, submitted() ? name + ".java" : null, null,
        List.of(message), null);
  }
}
