package org.ethoslab.hooks.channel;

/**
 * What one call of a hook gave: the value it returned, or what it threw.
 *
 * @param value  the returned value (may be null) when {@code error} is null
 * @param error  what the hook threw, or null
 */
public record HookOutcome(Object value, StudentError error) {

  public static HookOutcome returned(Object value) {
    return new HookOutcome(value, null);
  }

  public static HookOutcome threw(StudentError error) {
    return new HookOutcome(null, error);
  }

  public boolean threw() {
    return error != null;
  }
}
