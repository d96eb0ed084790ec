package org.ethoslab.hooks.host;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ethoslab.contract.hook.HookFrame;
import org.ethoslab.contract.hook.HookProtocolException;
import org.ethoslab.contract.hook.HookSources;
import org.ethoslab.hooks.channel.HookCalls;
import org.ethoslab.hooks.channel.HookClient;
import org.ethoslab.hooks.channel.HookOutcome;
import org.ethoslab.hooks.channel.StudentError;

/**
 * The hook host: the one process that runs student code. stdin and stdout are the hook channel (frames of
 * {@link HookFrame}); what student code prints goes to stderr. It reads one {@code LOAD} frame, compiles and
 * instantiates the classes, answers {@code LOADED}, then serves {@code CALL} frames until its input ends. Its class
 * path is the hook API alone: no lab, no reference implementation, no artifact, nothing to grade.
 */
public final class HookHost {

  /** The JVM's exit code for an OutOfMemoryError under {@code -XX:+ExitOnOutOfMemoryError}. */
  static final int OUT_OF_MEMORY = 3;

  private HookHost() {
  }

  /** {@code java -cp <hook API> org.ethoslab.hooks.host.HookHost}; exit 0 at the end of input. */
  public static void main(String[] args) throws IOException {
    OutputStream frames = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    InputStream in = new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16);
    // Student prints must never reach the channel: System.out is stderr from here on.
    System.setOut(System.err);
    Path scratch = Files.createTempDirectory("hook-host-");
    int code;
    try {
      code = serve(in, frames, scratch);
    } catch (OutOfMemoryError e) {
      // Not every OutOfMemoryError ends the JVM by itself (a thread the student could not start does not), and the
      // student's own threads would keep it alive: end it as -XX:+ExitOnOutOfMemoryError would, with exit 3.
      System.err.println("hook host: " + e);
      Runtime.getRuntime().halt(OUT_OF_MEMORY);
      return;
    }
    System.exit(code);
  }

  /** Serves one channel; returns the exit code (0: input ended; 2: the starter broke the protocol). */
  static int serve(InputStream in, OutputStream out, Path scratch) throws IOException {
    HookFrame first;
    try {
      first = HookFrame.read(in, HookClient.MAX_FRAME_BYTES);
    } catch (HookProtocolException e) {
      System.err.println("hook host: " + e.getMessage());
      return 2;
    }
    if (first == null) {
      return 0;
    }
    HookSources sources = HookSources.from(first);
    HookCompiler.Compiled compiled = HookCompiler.compile(sources, scratch);
    if (compiled.failure() != null) {
      compiled.failure().toFrame().write(out);
      return 0;
    }
    LoadedHooks.Result loaded = LoadedHooks.load(sources, compiled.loader());
    loaded.report().toFrame().write(out);
    if (loaded.hooks() == null) {
      return 0;
    }
    while (true) {
      HookFrame frame;
      try {
        frame = HookFrame.read(in, HookClient.MAX_FRAME_BYTES);
      } catch (HookProtocolException e) {
        System.err.println("hook host: " + e.getMessage());
        return 2;
      }
      if (frame == null) {
        return 0;
      }
      if (frame.kind() != HookFrame.Kind.CALL) {
        System.err.println("hook host: unexpected " + frame.kind() + " frame");
        return 2;
      }
      answer(frame, loaded.hooks()).write(out);
    }
  }

  private static HookFrame answer(HookFrame call, LoadedHooks hooks) throws IOException {
    String name = HookCalls.hookName(call);
    LoadedHooks.Hook hook = hooks.hook(name);
    if (hook == null) {
      StudentError missing = new StudentError(IllegalStateException.class.getName(), "no hook " + name
          + " was loaded", "", 0);
      return HookCalls.result(call.callId(), java.util.Collections.nCopies(HookCalls.batchSize(call),
          HookOutcome.threw(missing)));
    }
    List<Object[]> batch = HookCalls.arguments(call, hook.method());
    List<HookOutcome> outcomes = new ArrayList<>(LoadedHooks.invoke(hook, batch));
    HookFrame result = HookCalls.result(call.callId(), outcomes);
    if (result.payload().length > HookClient.MAX_FRAME_BYTES - 1024) {
      // Too big to send: say so in the student's terms instead of breaking the channel.
      StudentError tooLarge = new StudentError("AnswerTooLarge", name + " returned " + result.payload().length / (1 << 20)
          + " MB of values for " + batch.size() + " call(s); a hook may return at most "
          + HookClient.MAX_FRAME_BYTES / (1 << 20) + " MB per batch", "", 0);
      return HookCalls.result(call.callId(), java.util.Collections.nCopies(batch.size(), HookOutcome.threw(tooLarge)));
    }
    return result;
  }
}
