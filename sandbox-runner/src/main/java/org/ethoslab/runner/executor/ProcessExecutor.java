package org.ethoslab.runner.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Development only: the untrusted stage as a plain child JVM with the runner's own rights. Wall time, output cap,
 * heap and (where {@code prlimit} exists) CPU seconds and file size still apply; nothing stops hostile code from
 * reading or writing what the runner can.
 */
final class ProcessExecutor implements Executor {

  private final ExecutorSettings settings;
  private SandboxRequest request;

  ProcessExecutor(ExecutorSettings settings) {
    this.settings = settings;
  }

  @Override
  public void prepare(SandboxRequest request) throws ExecutorException {
    this.request = request;
    try {
      Files.createDirectories(request.jobDir().resolve("out"));
      Files.createDirectories(request.jobDir().resolve("tmp"));
      Files.createDirectories(request.privateDir());
    } catch (IOException e) {
      throw new ExecutorException("Could not create the job directory " + request.jobDir() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String jobDirInside() {
    return request.jobDir().toString();
  }

  @Override
  public String tmpDirInside() {
    return request.jobDir().resolve("tmp").toString();
  }

  @Override
  public StageOutcome run(StageCommand command, SupervisedProcess.LineSink sink, StopSignal stop)
      throws ExecutorException {
    List<String> argv = new ArrayList<>(Rlimits.prlimitPrefix(request.limits()));
    argv.add(settings.javaBinary().toString());
    argv.addAll(command.jvmOptions());
    argv.addAll(command.program());
    ProcessBuilder builder = new ProcessBuilder(argv).directory(request.jobDir().toFile());
    builder.environment().clear();
    builder.environment().putAll(command.environment());
    try {
      SupervisedProcess.Result result = SupervisedProcess.run(builder, request.limits().wallTime(),
          request.limits().outputBytes(), sink, stop, this::killTree);
      return new StageOutcome(result, false, "", false, OptionalLong.empty(), false);
    } catch (IOException e) {
      throw new ExecutorException("Could not start the child JVM: " + e.getMessage(), e);
    }
  }

  private void killTree(Process process) {
    // Snapshot first: once the parent dies its children are re-parented and no longer found from here.
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public void finish() {
    // A plain process has no container to sweep: whatever it left running was killed with its tree.
  }

  @Override
  public void cleanup() {
    // The job directory belongs to the job lifecycle, which removes it.
  }
}
