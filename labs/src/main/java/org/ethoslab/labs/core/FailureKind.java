package org.ethoslab.labs.core;

/**
 * Why a lab command failed, with the process exit code a supervisor maps it from.
 * Exit code 3 is left out on purpose: the JVM uses it for {@code -XX:+ExitOnOutOfMemoryError}.
 */
public enum FailureKind {
    INTERNAL_ERROR(1),
    BAD_INPUT(2),
    COMPILE_ERROR(4),
    RUNTIME_ERROR(5);

    private final int exitCode;

    FailureKind(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
