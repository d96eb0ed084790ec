package org.ethoslab.runner.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Development only (isolation NONE): a plain child JVM. Wall time, output cap, heap and (where {@code prlimit} exists)
 * CPU seconds and file size still apply. When the runner is root the child still runs unprivileged: {@code setpriv}
 * drops it to its role's slot uid with no capabilities, no supplementary groups and no-new-privs, and its
 * environment holds only what the stage passes; nothing else stops it from reading what that uid can.
 */
final class ProcessExecutor implements Executor {

  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  private final ExecutorSettings settings;
  private final boolean dropPrivileges;
  private final int uid;
  private final SandboxRole role;
  private SandboxRequest request;

  ProcessExecutor(ExecutorSettings settings, boolean dropPrivileges, int uid, SandboxRole role) {
    this.role = role;
    this.settings = settings;
    this.dropPrivileges = dropPrivileges;
    this.uid = uid;
  }

  /** True when a root runner can drop its children's privileges here. */
  static boolean canDropPrivileges() {
    return Files.isExecutable(SETPRIV);
  }

  @Override
  public void prepare(SandboxRequest request) throws ExecutorException {
    this.request = request;
    try {
      Files.createDirectories(request.jobDir().resolve("tmp"));
      Files.createDirectories(request.privateDir());
      List<Path> owned = new ArrayList<>(List.of(request.jobDir(), request.jobDir().resolve("tmp")));
      if (role == SandboxRole.TRAINER) {
        owned.add(Files.createDirectories(request.jobDir().resolve("out")));
      }
      if (dropPrivileges) {
        if (request.channelDir() != null) {
          owned.add(request.channelDir());
        }
        for (Path dir : owned) {
          Files.setAttribute(dir, "unix:uid", uid);
          Files.setAttribute(dir, "unix:gid", uid);
        }
      }
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
  public java.util.OptionalInt runsAs() {
    return dropPrivileges ? java.util.OptionalInt.of(uid) : java.util.OptionalInt.empty();
  }

  @Override
  public String channelDirInside() {
    return request.channelDir() == null ? "" : request.channelDir().toString();
  }

  @Override
  public RunningStage launch(StageCommand command, SupervisedProcess.LineSink sink, StopSignal stop,
                             SupervisedProcess.Stdio stdio) throws ExecutorException {
    List<String> argv = new ArrayList<>();
    if (dropPrivileges) {
      argv.addAll(List.of(SETPRIV.toString(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
          "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));
    }
    argv.addAll(Rlimits.prlimitPrefix(request.limits()));
    argv.add(settings.javaBinary().toString());
    argv.addAll(command.jvmOptions());
    argv.addAll(command.program());
    ProcessBuilder builder = new ProcessBuilder(argv).directory(request.jobDir().toFile());
    builder.environment().clear();
    builder.environment().putAll(command.environment());
    try {
      SupervisedProcess.Running running = SupervisedProcess.start(builder, request.limits().wallTime(),
          request.limits().outputBytes(), sink, stop, this::killTree, stdio);
      return new RunningStage(running, result -> new StageOutcome(result, false, "", false, OptionalLong.empty(),
          false));
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
