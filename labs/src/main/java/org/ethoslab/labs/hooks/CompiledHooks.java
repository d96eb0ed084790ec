package org.ethoslab.labs.hooks;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.ethoslab.labs.core.FailureKind;
import org.ethoslab.labs.core.LabFailure;

/** Student hook classes compiled by {@link HookCompiler}, instantiated by name against their lab interface. */
public final class CompiledHooks {
    private final ClassLoader loader;

    CompiledHooks(ClassLoader loader) {
        this.loader = loader;
    }

    /** A new instance of the student's class {@code name}, which must implement {@code type}. */
    public <T> T instantiate(String name, Class<T> type) {
        if (loader == null) {
            throw new IllegalStateException("no hooks were compiled");
        }
        Class<?> cls;
        try {
            cls = Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new LabFailure(FailureKind.COMPILE_ERROR, name + ".java:1: hook must declare public class " + name
                    + " in the default package", name + ".java", 1,
                    List.of(name + ".java:1: hook must declare public class " + name + " in the default package"), e);
        } catch (ExceptionInInitializerError e) {
            throw StudentCode.runtimeFailure(e.getCause() == null ? e : e.getCause());
        }
        if (!type.isAssignableFrom(cls)) {
            String msg = name + ".java:1: class " + name + " must implement " + type.getName();
            throw new LabFailure(FailureKind.COMPILE_ERROR, msg, name + ".java", 1, List.of(msg), null);
        }
        try {
            return type.cast(cls.getDeclaredConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw StudentCode.runtimeFailure(e.getCause());
        } catch (ReflectiveOperationException e) {
            String msg = name + ".java:1: class " + name + " needs a public no-argument constructor";
            throw new LabFailure(FailureKind.COMPILE_ERROR, msg, name + ".java", 1, List.of(msg), e);
        }
    }
}
