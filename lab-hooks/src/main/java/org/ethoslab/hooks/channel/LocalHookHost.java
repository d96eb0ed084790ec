package org.ethoslab.hooks.channel;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.ethoslab.contract.hook.HookFrame;
import org.ethoslab.contract.hook.HookSources;
import org.ethoslab.contract.hook.LoadReport;
import org.ethoslab.hooks.host.HookHost;

/**
 * A hook host as a plain child process of the caller, for the labs command line and the labs' own tests: the student
 * code still runs in a JVM of its own whose class path is the hook API alone, but without a sandbox. The runner never
 * uses this; it starts the host in a sandbox of its own and relays the channel.
 */
public final class LocalHookHost {

  /**
   * The host JVM's options, as the runner's: its heap limit, the JVM's own messages on stderr (off the channel), and
   * the client compiler only — the host's work is one javac run and short hook calls, and C2's compile threads would
   * take the cores the trainer or evaluator is using meanwhile (measured: MergeAlign's default job 1.045 → 1.004 of
   * the single-process time).
   */
  static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
      "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "-Xshare:auto");

  private LocalHookHost() {
  }

  /**
   * A started host. It loads the sources while the caller gets on with its own start; its client is handed out once
   * the load report has come, so no call can overtake the report on the channel.
   */
  public static final class Started {
    private final HookClient client;
    private final CompletableFuture<LoadReport> loading;

    private Started(HookClient client, CompletableFuture<LoadReport> loading) {
      this.client = client;
      this.loading = loading;
    }

    /** Waits for the report of loading the sources. */
    public LoadReport report() throws IOException {
      try {
        return loading.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while the hook host loaded the hooks");
      }
    }

    /** True once the load report (or the host's end) has come. */
    public boolean reported() {
      return loading.isDone();
    }

    /** The client, once the load report has come (whatever it says); closing it ends the host. */
    public HookClient client() throws IOException {
      report();
      return client;
    }

    /** Ends the host without waiting for its report. */
    public void close() throws Exception {
      client.close();
    }
  }

  /**
   * Starts a host and sends it {@code sources}; returns at once, while the host starts and compiles them (a JVM start
   * and a javac run, about a second, that the caller's own start overlaps).
   */
  public static Started start(HookSources sources) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", classPath(), HookHost.class.getName()));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    HookClient client = new HookClient(process.getInputStream(), process.getOutputStream(), () -> {
      process.getOutputStream().close();
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    });
    sources.toFrame().write(process.getOutputStream());
    process.getOutputStream().flush();
    CompletableFuture<LoadReport> loading = new CompletableFuture<>();
    // The report is the host's first frame, read before the client reads anything: the client waits for it.
    Thread reader = new Thread(() -> {
      try {
        HookFrame reply = HookFrame.read(process.getInputStream(), HookClient.MAX_FRAME_BYTES);
        if (reply == null) {
          loading.completeExceptionally(new HookChannelLost("the hook host ended before it loaded the hooks (exit "
              + waitExit(process) + ")"));
        } else {
          loading.complete(LoadReport.from(reply));
        }
      } catch (IOException | RuntimeException e) {
        loading.completeExceptionally(e);
      }
    }, "hook-host-load");
    reader.setDaemon(true);
    reader.start();
    return new Started(client, loading);
  }

  private static int waitExit(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The hook API's own code: this module and the contract, wherever they were loaded from (jars or classes). */
  public static String classPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> c : List.of(HookHost.class, HookFrame.class)) {
      try {
        entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException | NullPointerException e) {
        throw new IllegalStateException("cannot find where " + c.getName() + " was loaded from", e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
