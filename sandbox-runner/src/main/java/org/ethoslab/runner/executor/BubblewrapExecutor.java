package org.ethoslab.runner.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.ethoslab.runner.sandbox.CgroupHierarchy;
import org.ethoslab.runner.sandbox.CgroupJail;
import org.ethoslab.runner.sandbox.SeccompFilter;

/**
 * The untrusted stage inside the measured chain (see {@code notes/sandbox.md}): join the job's cgroups → drop to a
 * per-slot uid without capabilities and with no-new-privs ({@code setpriv}) → rlimits ({@code prlimit}) →
 * {@code bwrap} with fresh user/pid/net/ipc/uts/cgroup namespaces, read-only binds of the JDK and the lab's files, the
 * job directory writable, a size-limited {@code /tmp}, a cleared environment, a seccomp filter → {@code java}.
 * Without root the uid and cgroup steps are skipped (NAMESPACES_ONLY).
 */
final class BubblewrapExecutor implements Executor {

  private static final Logger LOG = Logger.getLogger(BubblewrapExecutor.class.getName());
  static final Path BWRAP = Path.of("/usr/bin/bwrap");
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
  static final String JOB_DIR_INSIDE = "/job";
  /** Where a sandbox sees the directory of its hook socket. */
  public static final String CHANNEL_DIR_INSIDE = "/hooks";
  /**
   * Joins the cgroups listed first, then execs the rest with bwrap's status written to fd 3 and the seccomp filter
   * readable on fd 4.
   */
  private static final String JOIN_AND_EXEC = "n=$1; shift; i=0; "
      + "while [ \"$i\" -lt \"$n\" ]; do echo $$ > \"$1\" || exit 125; shift; i=$((i+1)); done; "
      + "status=$1; seccomp=$2; shift 2; exec \"$@\" 3>\"$status\" 4<\"$seccomp\"";
  private static final Optional<byte[]> SECCOMP = SeccompFilter.forThisMachine();

  private final ExecutorSettings settings;
  private final Optional<CgroupHierarchy> cgroups;
  private final boolean dropPrivileges;
  private final List<Path> jdkMounts;
  private final int slot;
  private final SandboxRole role;
  private SandboxRequest request;
  private CgroupJail jail;
  private boolean tmpfsMounted;

  BubblewrapExecutor(ExecutorSettings settings, Optional<CgroupHierarchy> cgroups, boolean dropPrivileges,
                     List<Path> jdkMounts, int slot, SandboxRole role) {
    this.settings = settings;
    this.cgroups = cgroups;
    this.dropPrivileges = dropPrivileges;
    this.jdkMounts = List.copyOf(jdkMounts);
    this.slot = slot;
    this.role = role;
  }

  /** The unprivileged uid this sandbox's process runs as (when the runner is root). */
  int uid() {
    return role.uid(settings.firstUid(), slot);
  }

  @Override
  public void prepare(SandboxRequest request) throws ExecutorException {
    this.request = request;
    try {
      Files.createDirectories(request.privateDir());
      Files.setPosixFilePermissions(request.privateDir(), PosixFilePermissions.fromString("rwx------"));
      Files.createDirectories(request.jobDir());
      if (dropPrivileges) {
        tmpfsMounted = mountJobTmpfs(request);
      }
      // Only the trainer writes results; the hook host's directory has no out/ a student could mistake for them.
      Path out = role == SandboxRole.TRAINER ? Files.createDirectories(request.jobDir().resolve("out")) : null;
      if (dropPrivileges) {
        Files.setAttribute(request.jobDir(), "unix:uid", uid());
        Files.setAttribute(request.jobDir(), "unix:gid", uid());
        if (out != null) {
          Files.setAttribute(out, "unix:uid", uid());
          Files.setAttribute(out, "unix:gid", uid());
        }
        if (request.channelDir() != null) {
          Files.setAttribute(request.channelDir(), "unix:uid", uid());
          Files.setAttribute(request.channelDir(), "unix:gid", uid());
        }
      }
      if (SECCOMP.isPresent()) {
        Files.write(request.privateDir().resolve("seccomp.bpf"), SECCOMP.get());
      }
      if (cgroups.isPresent()) {
        jail = cgroups.get().createJail(request.name(), request.limits());
      }
    } catch (IOException | RuntimeException e) {
      cleanup();
      throw new ExecutorException("Could not prepare the sandbox for " + request.name() + ": " + e.getMessage(), e);
    }
  }

  /** A size-limited tmpfs as the job directory, so a job cannot fill the runner's disk; plain directory if refused. */
  private boolean mountJobTmpfs(SandboxRequest request) {
    String options = "size=" + request.limits().jobDirMb() + "m,mode=0700,uid=" + uid() + ",gid=" + uid()
        + ",nosuid,nodev";
    try {
      Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "ethoslab-job",
          request.jobDir().toString()).redirectErrorStream(true).start();
      boolean done = mount.waitFor(10, TimeUnit.SECONDS);
      if (done && mount.exitValue() == 0) {
        return true;
      }
      LOG.warning("Job directory is not size-limited (tmpfs mount refused: "
          + new String(mount.getInputStream().readAllBytes()).trim() + ")");
    } catch (IOException e) {
      LOG.warning("Job directory is not size-limited (no mount command: " + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  @Override
  public String jobDirInside() {
    return JOB_DIR_INSIDE;
  }

  @Override
  public String tmpDirInside() {
    return "/tmp";
  }

  @Override
  public java.util.OptionalInt runsAs() {
    return dropPrivileges ? java.util.OptionalInt.of(uid()) : java.util.OptionalInt.empty();
  }

  @Override
  public String channelDirInside() {
    return CHANNEL_DIR_INSIDE;
  }

  @Override
  public RunningStage launch(StageCommand command, SupervisedProcess.LineSink sink, StopSignal stop,
                             SupervisedProcess.Stdio stdio) throws ExecutorException {
    Path status = request.privateDir().resolve("bwrap-status.json");
    List<Path> procs = jail == null ? List.of() : jail.procsFiles();
    List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", JOIN_AND_EXEC, "sh", Integer.toString(procs.size())));
    procs.forEach(p -> argv.add(p.toString()));
    argv.add(status.toString());
    argv.add(SECCOMP.isPresent() ? request.privateDir().resolve("seccomp.bpf").toString() : "/dev/null");
    if (dropPrivileges) {
      argv.addAll(List.of(SETPRIV.toString(), "--reuid=" + uid(), "--regid=" + uid(), "--clear-groups",
          "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));
    }
    argv.addAll(Rlimits.prlimitPrefix(request.limits()));
    argv.addAll(bwrapArguments(command.environment()));
    argv.add(settings.javaBinary().toString());
    argv.addAll(command.jvmOptions());
    argv.addAll(command.program());
    ProcessBuilder builder = new ProcessBuilder(argv).directory(request.privateDir().toFile());
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    SupervisedProcess.Running running;
    try {
      running = SupervisedProcess.start(builder, request.limits().wallTime(), request.limits().outputBytes(), sink,
          stop, this::killTree, stdio);
    } catch (IOException e) {
      throw new ExecutorException("Could not start bubblewrap: " + e.getMessage(), e);
    }
    return new RunningStage(running, result -> outcome(result, status));
  }

  private StageOutcome outcome(SupervisedProcess.Result result, Path status) {
    BwrapStatus bwrap = BwrapStatus.read(status);
    boolean setupFailed = !bwrap.programRan() && !result.timedOut() && result.stopReason() == null
        && !result.outputExceeded() && result.killedFor() == null;
    SupervisedProcess.Result corrected = result.withExitCode(bwrap.exitCode().orElse(result.exitCode()));
    return new StageOutcome(corrected, setupFailed, setupFailed ? result.stderrHead().strip() : "",
        jail != null && jail.oomKilled(), jail == null ? OptionalLong.empty() : jail.cpuMicros(),
        jail != null && jail.pidsLimitHit());
  }

  private List<String> bwrapArguments(Map<String, String> environment) {
    List<String> args = new ArrayList<>(List.of(BWRAP.toString(), "--unshare-user", "--unshare-pid", "--unshare-net",
        "--unshare-ipc", "--unshare-uts", "--unshare-cgroup", "--disable-userns", "--die-with-parent",
        "--new-session", "--cap-drop", "ALL", "--clearenv", "--hostname", "sandbox", "--json-status-fd", "3",
        // /tmp first: binds below come after it, so a lab or cache that lives under the host's /tmp stays visible.
        "--size", Long.toString(request.limits().tmpMb() << 20), "--tmpfs", "/tmp"));
    List<Path> readOnly = new ArrayList<>(jdkMounts);
    readOnly.addAll(request.readOnlyPaths());
    for (Path path : readOnly) {
      args.addAll(List.of("--ro-bind", path.toString(), path.toString()));
    }
    args.addAll(List.of("--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
        "--bind", request.jobDir().toString(), JOB_DIR_INSIDE,
        "--proc", "/proc", "--dev", "/dev", "--chdir", JOB_DIR_INSIDE));
    if (request.channelDir() != null) {
      args.addAll(List.of("--bind", request.channelDir().toString(), CHANNEL_DIR_INSIDE));
    }
    // A GPU job's devices (its own /dev/nvidiaN and the control devices) on top of the fresh /dev; nothing else.
    for (Path device : request.devices()) {
      args.addAll(List.of("--dev-bind", device.toString(), device.toString()));
    }
    // bwrap's own root is a writable tmpfs: make it read-only, leaving only /job and /tmp writable.
    args.addAll(List.of("--remount-ro", "/"));
    if (SECCOMP.isPresent()) {
      args.addAll(List.of("--seccomp", "4"));
    }
    environment.forEach((key, value) -> args.addAll(List.of("--setenv", key, value)));
    return args;
  }

  private void killTree(Process bwrap) {
    // Killing the outer bwrap takes its pid namespace down (--die-with-parent); the cgroup sweep gets the rest.
    List<ProcessHandle> tree = bwrap.descendants().toList();
    bwrap.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    if (jail != null) {
      jail.killAll();
    }
  }

  @Override
  public void finish() {
    if (jail != null) {
      jail.killAll();
    }
  }

  @Override
  public void cleanup() {
    if (jail != null) {
      jail.close();
      jail = null;
    }
    if (tmpfsMounted) {
      unmount(request.jobDir());
      tmpfsMounted = false;
    }
  }

  /** Lazy unmount: the job dir's contents were already copied out; nothing may keep the mount alive. */
  static void unmount(Path dir) {
    try {
      Process umount = new ProcessBuilder("umount", "-l", dir.toString()).redirectErrorStream(true).start();
      if (!umount.waitFor(10, TimeUnit.SECONDS) || umount.exitValue() != 0) {
        LOG.warning("Could not unmount the job directory " + dir);
      }
    } catch (IOException e) {
      LOG.warning("Could not unmount the job directory " + dir + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
