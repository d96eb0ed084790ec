package org.ethoslab.runner.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ethoslab.contract.job.LabExit;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.executor.StopSignal;
import org.ethoslab.runner.executor.SupervisedProcess;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * The trusted phase: {@code labs evaluate job.json --artifacts DIR} as a separate child JVM outside the sandbox,
 * with the full job file (hidden data included) and the copied artifacts. No student code is on its class path: it
 * asks the student's hooks about the hidden probes over the hook channel ({@code hookArgs}); its stdout is the only
 * source of graded numbers. When the runner is root it runs as an unprivileged uid of its own (not a slot's),
 * without capabilities: it parses files the sandboxed trainer wrote.
 */
final class TrustedEvaluator {

  private static final long MAX_OUTPUT = 8L << 20;
  /** The message of a grading step that stopped because the hook host ended; the host's verdict replaces it. */
  static final String HOOK_HOST_ENDED = "The grading step lost the connection to your code's process";

  private TrustedEvaluator() {
  }

  static JsonNode evaluate(JobEnvironment env, Path javaHome, JobLimits limits, Path jobFile, Path artifacts,
                           Path workDir, Path modelCache, StopSignal stop, ObjectMapper json, List<String> hookArgs)
      throws JobFailure {
    List<String> argv = new ArrayList<>();
    if (env.evaluatorUid().isPresent()) {
      int uid = env.evaluatorUid().getAsInt();
      handOver(workDir, uid);
      argv.addAll(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
          "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));
    }
    argv.add(javaHome.resolve("bin").resolve("java").toString());
    argv.addAll(ChildJvm.options(limits, workDir.toString()));
    argv.addAll(env.lab().command("evaluate", jobFile.toString(), "--artifacts", artifacts.toString()));
    argv.addAll(hookArgs);
    ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir.toFile());
    builder.environment().clear();
    builder.environment().putAll(ChildJvm.environment(limits, workDir.toString(), workDir.toString(), javaHome,
        env.djlCacheDir(), modelCache));
    StringBuilder stdout = new StringBuilder();
    SupervisedProcess.Result result;
    try {
      result = SupervisedProcess.run(builder, env.evaluateTimeout(), MAX_OUTPUT, (stderr, line) -> {
        if (!stderr) {
          synchronized (stdout) {
            stdout.append(line).append('\n');
          }
        }
      }, stop, process -> {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      });
    } catch (IOException e) {
      throw JobFailure.system("The grading step could not start: " + e.getMessage(), e);
    }
    if (result.stopReason() == StopSignal.Reason.HOOK_HOST_ENDED) {
      throw new JobFailure(FailureKind.SYSTEM, Outcome.INFRASTRUCTURE_ERROR, HOOK_HOST_ENDED);
    }
    if (result.stopReason() != null) {
      throw new JobFailure(FailureKind.SYSTEM, Outcome.CANCELLED, "Stopped during grading: " + result.stopReason());
    }
    if (result.timedOut() || result.outputExceeded()) {
      throw JobFailure.system("The grading step did not finish within " + env.evaluateTimeout().toSeconds() + " s", null);
    }
    String message = VerdictClassifier.message(result.stderrHead());
    if (result.exitCode() == LabExit.BAD_INPUT.code()) {
      // An artifact that fails validation is never the platform's: a free retry would be a way to undo a run.
      throw new JobFailure(FailureKind.JOB, Outcome.RUNTIME_ERROR,
          "Your run finished, but its results could not be graded: " + message);
    }
    if (result.exitCode() == LabExit.STUDENT_CODE_FAILED.code()) {
      throw new JobFailure(FailureKind.JOB, Outcome.RUNTIME_ERROR, "Your code failed while it was graded: " + message);
    }
    if (result.exitCode() == LabExit.HOOK_CHANNEL_LOST.code()) {
      throw new JobFailure(FailureKind.SYSTEM, Outcome.INFRASTRUCTURE_ERROR, HOOK_HOST_ENDED);
    }
    if (result.exitCode() != 0) {
      throw JobFailure.system("The grading step failed (exit " + result.exitCode() + "): " + message, null);
    }
    return parseEvaluation(stdout.toString(), json);
  }

  /** Gives the trusted directory (job file, artifact copies) to the evaluator's uid; the sandbox never sees it. */
  private static void handOver(Path dir, int uid) throws JobFailure {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.toList()) {
        if (!Files.isSymbolicLink(path)) {
          Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
          Files.setAttribute(path, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw JobFailure.system("Could not prepare the grading directory: " + e.getMessage(), e);
    }
  }

  /** The whole stdout as one JSON object, or else its last line that is one. */
  private static JsonNode parseEvaluation(String stdout, ObjectMapper json) throws JobFailure {
    try {
      JsonNode whole = json.readTree(stdout);
      if (whole != null && whole.isObject()) {
        return whole;
      }
    } catch (IOException notOneDocument) {
      // Fall through to line by line.
    }
    List<String> lines = stdout.lines().toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      try {
        JsonNode line = json.readTree(lines.get(i));
        if (line != null && line.isObject()) {
          return line;
        }
      } catch (IOException notJson) {
        // Try the line before.
      }
    }
    throw JobFailure.system("The grading step printed no Evaluation JSON object", null);
  }
}
