package org.ethoslab.hooks.channel;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/** The one method of a hook interface, checked to take and return only values that can cross the hook channel. */
public final class HookMethods {

  private HookMethods() {
  }

  /**
   * The single abstract method of {@code hookInterface}.
   *
   * @throws IllegalArgumentException when it is not an interface with exactly one abstract method over supported types
   */
  public static Method of(Class<?> hookInterface) {
    if (!hookInterface.isInterface()) {
      throw new IllegalArgumentException(hookInterface.getName() + " is not an interface");
    }
    List<Method> abstracts = Arrays.stream(hookInterface.getMethods())
        .filter(m -> Modifier.isAbstract(m.getModifiers())).toList();
    if (abstracts.size() != 1) {
      throw new IllegalArgumentException(hookInterface.getName() + " must declare exactly one abstract method, has "
          + abstracts.size());
    }
    Method method = abstracts.get(0);
    for (Type t : method.getGenericParameterTypes()) {
      if (!HookValues.supports(t)) {
        throw new IllegalArgumentException(method + " takes a " + t.getTypeName()
            + ", which cannot cross the hook channel");
      }
    }
    if (!HookValues.supports(method.getGenericReturnType())) {
      throw new IllegalArgumentException(method + " returns a " + method.getGenericReturnType().getTypeName()
          + ", which cannot cross the hook channel");
    }
    return method;
  }
}
