package org.ethoslab.hooks.host;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ethoslab.contract.hook.HookSources;
import org.ethoslab.contract.hook.LoadReport;
import org.ethoslab.hooks.channel.HookMethods;
import org.ethoslab.hooks.channel.HookOutcome;
import org.ethoslab.hooks.channel.StudentError;

/** The student's hook objects, one per class, each with the method of the interface it implements. */
final class LoadedHooks {

  /** One hook: the student's object and the interface method to call on it. */
  record Hook(Object instance, Method method) {
  }

  private final Map<String, Hook> hooks;

  private LoadedHooks(Map<String, Hook> hooks) {
    this.hooks = hooks;
  }

  /** What loading gave: the hooks, or the report of why not. */
  record Result(LoadedHooks hooks, LoadReport report) {
  }

  /** Instantiates every compiled class against its interface; the first problem ends loading. */
  static Result load(HookSources sources, ClassLoader students) {
    Map<String, Hook> loaded = new LinkedHashMap<>();
    for (HookSources.Source source : sources.hooks()) {
      String file = source.name() + ".java";
      Class<?> hookInterface;
      Method method;
      try {
        hookInterface = Class.forName(source.interfaceName(), false, LoadedHooks.class.getClassLoader());
        method = HookMethods.of(hookInterface);
      } catch (ClassNotFoundException | IllegalArgumentException e) {
        // The lab named an interface the hook API does not have: the platform's fault, told plainly.
        throw new IllegalStateException("hook interface " + source.interfaceName() + " of " + source.name()
            + " is not usable: " + e.getMessage(), e);
      }
      Class<?> cls;
      try {
        cls = Class.forName(source.name(), true, students);
      } catch (ClassNotFoundException e) {
        return fail(LoadReport.Status.NOT_A_HOOK, file, 1, "hook must declare public class " + source.name()
            + " in the default package");
      } catch (ExceptionInInitializerError e) {
        return threw(e.getCause() == null ? e : e.getCause(), file);
      } catch (LinkageError e) {
        return fail(LoadReport.Status.NOT_A_HOOK, file, 1, "class " + source.name() + " cannot be loaded: " + e);
      }
      if (!hookInterface.isAssignableFrom(cls)) {
        return fail(LoadReport.Status.NOT_A_HOOK, file, 1, "class " + source.name() + " must implement "
            + hookInterface.getName());
      }
      if (!Modifier.isPublic(cls.getModifiers())) {
        return fail(LoadReport.Status.NOT_A_HOOK, file, 1, "class " + source.name() + " must be public");
      }
      try {
        loaded.put(source.name(), new Hook(cls.getDeclaredConstructor().newInstance(), method));
      } catch (InvocationTargetException e) {
        return threw(e.getCause(), file);
      } catch (ReflectiveOperationException e) {
        return fail(LoadReport.Status.NOT_A_HOOK, file, 1, "class " + source.name()
            + " needs a public no-argument constructor");
      } catch (LinkageError e) {
        return threw(e, file);
      }
    }
    return new Result(new LoadedHooks(loaded), LoadReport.loaded());
  }

  private static Result fail(LoadReport.Status status, String file, int line, String message) {
    return new Result(null, HookCompiler.failure(status, file, line, message));
  }

  private static Result threw(Throwable t, String file) {
    StudentError e = StudentError.of(t, HookCompiler.LOADER_NAME);
    return new Result(null, HookCompiler.failure(LoadReport.Status.THREW, e.file().isEmpty() ? file : e.file(),
        e.line(), e.describe()));
  }

  Hook hook(String name) {
    return hooks.get(name);
  }

  /** Calls {@code hook} once per argument list; what the student code throws becomes that call's outcome. */
  static List<HookOutcome> invoke(Hook hook, List<Object[]> batch) {
    List<HookOutcome> outcomes = new ArrayList<>(batch.size());
    for (Object[] args : batch) {
      try {
        outcomes.add(HookOutcome.returned(hook.method().invoke(hook.instance(), args)));
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof OutOfMemoryError oom) {
          throw oom; // the JVM exits on it (-XX:+ExitOnOutOfMemoryError): the runner names the memory limit
        }
        outcomes.add(HookOutcome.threw(StudentError.of(cause, HookCompiler.LOADER_NAME)));
      } catch (IllegalAccessException e) {
        outcomes.add(HookOutcome.threw(StudentError.of(e, HookCompiler.LOADER_NAME)));
      }
    }
    return outcomes;
  }
}
