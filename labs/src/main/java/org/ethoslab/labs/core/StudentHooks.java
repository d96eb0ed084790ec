package org.ethoslab.labs.core;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ethoslab.contract.hook.HookSources;
import org.ethoslab.contract.hook.LoadReport;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.job.LabExit;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.hooks.channel.HookChannelLost;
import org.ethoslab.hooks.channel.HookClient;
import org.ethoslab.hooks.channel.LocalHookHost;

/**
 * A job's student hooks as the lab's trusted code calls them. A hook the job carries is called over the hook channel
 * in the hook host, the one process where student code runs; a hook it does not carry is the lab's reference,
 * called in this process. Nothing of the student's ever runs here: only the values it returned come back, and the lab
 * checks them before use.
 *
 * <p>The channel is chosen by the CLI's {@code --hooks} option: {@code socket:PATH} (the runner's relay to a hook host
 * in a sandbox of its own), {@code local} (a hook host started here as a plain child process: the command line and
 * tests) or {@code none} (a job without student code).
 */
public final class StudentHooks implements AutoCloseable {

  private final Set<String> submitted;
  private final HookClient client;
  private final Map<String, Object> standIns;
  private final LocalHookHost.Started localHost;
  private volatile boolean loaded;

  private StudentHooks(Set<String> submitted, HookClient client, Map<String, Object> standIns,
                       LocalHookHost.Started localHost) {
    this.submitted = Set.copyOf(submitted);
    this.client = client;
    this.standIns = Map.copyOf(standIns);
    this.localHost = localHost;
    this.loaded = localHost == null;
  }

  /** No student hooks: every hook is its reference. */
  public static StudentHooks none() {
    return new StudentHooks(Set.of(), null, Map.of(), null);
  }

  /**
   * Hooks answered in this process by the given objects, as if submitted: only for trusted stand-ins of the
   * project's own (results tables, tests of the probes). Never for student code, which runs only in the hook host.
   */
  public static StudentHooks standIns(Map<String, Object> implementations) {
    return new StudentHooks(implementations.keySet(), null, implementations, null);
  }

  /**
   * The job's hooks over the channel {@code option} names ({@code local} when null). Every hook the job carries must
   * be one of the lab's.
   */
  public static StudentHooks open(JobInput job, LabSpec spec, String option) throws IOException {
    List<HookSources.Source> sources = new ArrayList<>();
    for (Map.Entry<String, String> hook : job.hooks().entrySet()) {
      LabSpec.HookSpec hookSpec = spec.hook(hook.getKey()).orElseThrow(() -> LabFailure.badInput(
          "hooks." + hook.getKey(), "unknown hook for lab " + spec.id() + " (known: " + String.join(", ",
              spec.hooks().stream().map(LabSpec.HookSpec::name).toList()) + ")"));
      sources.add(new HookSources.Source(hook.getKey(), hookSpec.interfaceName(), hook.getValue()));
    }
    String channel = option == null ? "local" : option;
    if (sources.isEmpty()) {
      return none();
    }
    if (channel.equals("none")) {
      throw LabFailure.badInput("--hooks", "the job carries student hooks but this run was given no hook channel");
    }
    if (channel.startsWith("socket:")) {
      SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(Path.of(channel.substring(7))));
      return new StudentHooks(job.hooks().keySet(), new HookClient(Channels.newInputStream(socket),
          Channels.newOutputStream(socket), socket), Map.of(), null);
    }
    if (!channel.equals("local")) {
      throw LabFailure.badInput("--hooks", "must be local, none or socket:PATH, got " + channel);
    }
    // The host compiles while the lab starts (engine, data); the first call waits for it.
    LocalHookHost.Started host = LocalHookHost.start(new HookSources(sources));
    return new StudentHooks(job.hooks().keySet(), null, Map.of(), host);
  }

  /**
   * Waits until the student's hooks are loaded, and fails as the student's compile error or unusable class when they
   * are not. Called before the first hook call, and after the phase, so a phase that calls no hook still reports it.
   * (Over the runner's socket the runner has checked the load before relaying.)
   */
  public void requireLoaded() throws IOException {
    if (loaded) {
      return;
    }
    LoadReport report = localHost.report();
    if (report.status() != LoadReport.Status.LOADED) {
      throw loadFailure(report);
    }
    loaded = true;
  }

  /**
   * {@link #requireLoaded()} as the trainer's {@link EventSink.Gate}: with {@code wait} it waits for the load report,
   * without it only looks whether one has come; a lost host is the channel lost.
   */
  public void checkLoaded(boolean wait) {
    if (loaded || !wait && !localHost.reported()) {
      return;
    }
    try {
      requireLoaded();
    } catch (HookChannelLost lost) {
      throw new LabFailure(LabExit.HOOK_CHANNEL_LOST, lost.getMessage());
    } catch (IOException e) {
      throw new LabFailure(LabExit.INTERNAL_ERROR, "the hook host's load report could not be read: " + e, e);
    }
  }

  /** The channel to the hook host, once the student's hooks are loaded. */
  private HookClient channel() throws IOException {
    if (localHost == null) {
      return client;
    }
    requireLoaded();
    return localHost.client();
  }

  /** What a failed load means for the job: a compile error, or a class that cannot serve as the hook. */
  public static LabFailure loadFailure(LoadReport report) {
    LoadReport.Problem first = report.problems().get(0);
    List<String> lines = report.problems().stream().map(LoadReport.Problem::describe).toList();
    LabExit kind = report.status() == LoadReport.Status.COMPILE_ERROR ? LabExit.COMPILE_ERROR
        : LabExit.STUDENT_CODE_FAILED;
    return new LabFailure(kind, lines.get(0), first.file(), first.line(), lines, null);
  }

  /** The hook {@code name} of interface {@code type}: the student's when the job carries it, else {@code reference}. */
  public <T> Hook<T> hook(String name, Class<T> type, T reference) {
    if (standIns.containsKey(name)) {
      return Hook.inProcess(name, type, standIns.get(name), true);
    }
    return submitted.contains(name) ? Hook.overChannel(name, type, this::channel)
        : Hook.reference(name, type, reference);
  }

  /** True when the job carries the student's own {@code name}. */
  public boolean submitted(String name) {
    return submitted.contains(name);
  }

  @Override
  public void close() {
    closeQuietly(client);
    if (localHost != null) {
      closeQuietly(localHost::close);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // The host is going away either way.
    }
  }
}
