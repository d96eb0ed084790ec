package org.ethoslab.hooks.host;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.ethoslab.contract.hook.HookSources;
import org.ethoslab.contract.hook.LoadReport.Problem;
import org.ethoslab.contract.hook.LoadReport;

/**
 * Compiles student hook sources with {@code javax.tools} into a scratch directory, against this process's class path
 * (the hook API and nothing else of the labs), and loads them in a class loader named {@value #LOADER_NAME}.
 */
final class HookCompiler {

  /** The class loader of student classes; stack frames from it are the student's. */
  static final String LOADER_NAME = "student-hooks";

  private HookCompiler() {
  }

  /** The compiled classes' loader, or the compile errors. */
  record Compiled(ClassLoader loader, LoadReport failure) {
  }

  static Compiled compile(HookSources sources, Path scratch) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("no Java compiler in this runtime: run the hook host on a JDK");
    }
    Path src = Files.createDirectories(scratch.resolve("hooks-src"));
    Path classes = Files.createDirectories(scratch.resolve("hooks-classes"));
    List<Path> files = new ArrayList<>();
    for (HookSources.Source source : sources.hooks()) {
      if (!source.name().matches("[A-Z][A-Za-z0-9_]{0,63}")) {
        return new Compiled(null, failure(LoadReport.Status.NOT_A_HOOK, source.name() + ".java", 1,
            "the hook name " + source.name() + " is not a Java class name"));
      }
      Path file = src.resolve(source.name() + ".java");
      Files.writeString(file, source.source(), StandardCharsets.UTF_8);
      files.add(file);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
          "-proc:none", "-nowarn", "-encoding", "UTF-8", "--release", "17");
      Boolean ok = compiler.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
          .call();
      if (!Boolean.TRUE.equals(ok)) {
        List<Problem> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          if (d.getKind() == Diagnostic.Kind.ERROR) {
            String file = d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName().toString();
            errors.add(new Problem(file, (int) Math.max(0, d.getLineNumber()),
                d.getMessage(Locale.ROOT).lines().findFirst().orElse("")));
          }
        }
        if (errors.isEmpty()) {
          errors.add(new Problem("?", 0, "compilation failed"));
        }
        return new Compiled(null, new LoadReport(LoadReport.Status.COMPILE_ERROR, errors));
      }
    }
    return new Compiled(new URLClassLoader(LOADER_NAME, new URL[] {classes.toUri().toURL()},
        HookCompiler.class.getClassLoader()), null);
  }

  static LoadReport failure(LoadReport.Status status, String file, int line, String message) {
    return new LoadReport(status, List.of(new Problem(file, line, message)));
  }
}
