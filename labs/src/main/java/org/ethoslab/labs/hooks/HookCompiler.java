package org.ethoslab.labs.hooks;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.ethoslab.labs.core.FailureKind;
import org.ethoslab.labs.core.LabFailure;

/**
 * Compiles student hook sources ({@code ClassName → source}) with {@code javax.tools} into a scratch directory and
 * loads them in a fresh class loader whose parent is the lab's own, so hooks see the lab's interfaces and nothing
 * of another job. Only the untrusted run phase calls this.
 */
public final class HookCompiler {
    /** A hook source longer than this is refused before compiling. */
    public static final int MAX_SOURCE_CHARS = 100_000;

    private HookCompiler() {
    }

    /** Compiles all sources; throws a {@code COMPILE_ERROR} failure with one {@code File.java:line: message} each. */
    public static CompiledHooks compile(Map<String, String> sources, Path scratch) throws IOException {
        if (sources.isEmpty()) {
            return new CompiledHooks(null);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new LabFailure(FailureKind.INTERNAL_ERROR, "no Java compiler in this runtime: run the labs on a JDK");
        }
        Path src = Files.createDirectories(scratch.resolve("hooks-src"));
        Path classes = Files.createDirectories(scratch.resolve("hooks-classes"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String name = e.getKey();
            if (!name.matches("[A-Z][A-Za-z0-9_]{0,63}")) {
                throw LabFailure.badInput("hooks." + name, "hook name must be a Java class name");
            }
            if (e.getValue().length() > MAX_SOURCE_CHARS) {
                throw LabFailure.badInput("hooks." + name, "source longer than " + MAX_SOURCE_CHARS + " characters");
            }
            Path file = src.resolve(name + ".java");
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            files.add(file);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none", "-nowarn", "-encoding", "UTF-8",
                    "--release", "17");
            Boolean ok = compiler.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
                    .call();
            List<String> errors = new ArrayList<>();
            String firstFile = null;
            Integer firstLine = null;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                String file = d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName().toString();
                if (firstFile == null) {
                    firstFile = file;
                    firstLine = (int) d.getLineNumber();
                }
                errors.add(file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).lines().findFirst()
                        .orElse(""));
            }
            if (!Boolean.TRUE.equals(ok)) {
                if (errors.isEmpty()) {
                    errors.add("compilation failed");
                }
                throw new LabFailure(FailureKind.COMPILE_ERROR, errors.get(0), firstFile, firstLine, errors, null);
            }
        }
        URLClassLoader loader = new URLClassLoader("student-hooks", new URL[] {classes.toUri().toURL()},
                HookCompiler.class.getClassLoader());
        return new CompiledHooks(loader);
    }
}
