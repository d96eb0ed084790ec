package org.ethoslab.labs.hooks;

import java.util.List;
import java.util.function.Supplier;
import org.ethoslab.labs.core.FailureKind;
import org.ethoslab.labs.core.LabFailure;

/** Calls into student code, turning anything it throws into a {@code RUNTIME_ERROR} that names its file and line. */
public final class StudentCode {
    private StudentCode() {
    }

    /** Runs {@code call}; an exception (or error such as StackOverflowError) becomes a runtime failure. */
    public static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (LabFailure f) {
            throw f;
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            throw runtimeFailure(e);
        }
    }

    /** {@code java.lang.ArithmeticException: / by zero (SoftVote.java:7)}, pointing at the student's frame. */
    static LabFailure runtimeFailure(Throwable t) {
        String file = null;
        Integer line = null;
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassLoaderName() != null && frame.getClassLoaderName().equals("student-hooks")
                    || frame.getFileName() != null && frame.getClassName().indexOf('.') < 0) {
                file = frame.getFileName();
                line = frame.getLineNumber();
                break;
            }
        }
        String message = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage())
                + (file == null ? "" : " (" + file + ":" + line + ")");
        return new LabFailure(FailureKind.RUNTIME_ERROR, message, file, line, List.of(message), t);
    }
}
