package org.ethoslab.hooks.channel;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

  private LocalHookHost() {
  }

  /** A started host: the client to call it with and what loading the sources gave. */
  public record Started(HookClient client, LoadReport report) {
  }

  /** Starts a host, loads {@code sources} and waits for its report. */
  public static Started start(HookSources sources) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:+DisplayVMOutputToStderr", "-Xlog:disable",
        "-Xlog:all=warning:stderr", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", classPath(),
        HookHost.class.getName()));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    HookClient client = new HookClient(process.getInputStream(), process.getOutputStream(), () -> {
      process.getOutputStream().close();
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    });
    sources.toFrame().write(process.getOutputStream());
    process.getOutputStream().flush();
    HookFrame reply = HookFrame.read(process.getInputStream(), HookClient.MAX_FRAME_BYTES);
    if (reply == null) {
      throw new HookChannelLost("the hook host ended before it loaded the hooks (exit " + waitExit(process) + ")");
    }
    return new Started(client, LoadReport.from(reply));
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
