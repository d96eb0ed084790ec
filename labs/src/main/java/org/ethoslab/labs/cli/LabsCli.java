package org.ethoslab.labs.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.ethoslab.contract.job.InvalidJobException;
import org.ethoslab.contract.job.LabExit;
import org.ethoslab.hooks.channel.HookChannelLost;
import org.ethoslab.labs.core.EventSink;
import org.ethoslab.labs.core.LabFailure;

/**
 * {@code java -jar labs.jar list | specs | describe <lab> | run <job.json> --out DIR | evaluate <job.json> --artifacts DIR}.
 *
 * <p>stdout carries only the command's result (events as JSON lines, or one JSON document). Everything else the JVM
 * prints — DJL logs — goes to stderr, buffered so that on failure the first stderr line
 * is the typed error ({@code BAD_INPUT: …}) the supervisor maps, followed by the logs.
 */
public final class LabsCli {
  /** Java-level stderr kept while a command runs; older bytes beyond this are dropped. */
  private static final int STDERR_BUFFER_BYTES = 2 * 1024 * 1024;

  private LabsCli() {
  }

  public static void main(String[] args) {
    PrintStream realOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream realErr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    BoundedBuffer buffered = new BoundedBuffer(STDERR_BUFFER_BYTES);
    PrintStream bufferedErr = new PrintStream(buffered, true, StandardCharsets.UTF_8);
    System.setOut(bufferedErr);
    System.setErr(bufferedErr);
    int code = execute(args, realOut, realErr, buffered);
    realOut.flush();
    realErr.flush();
    System.exit(code);
  }

  /** Runs one command; returns the process exit code. Separate from {@link #main} so tests can call it. */
  static int execute(String[] args, PrintStream out, PrintStream err, BoundedBuffer logs) {
    EventSink events = new EventSink(out);
    try {
      new Commands(out, events).dispatch(Arrays.asList(args));
      logs.replayTo(err);
      return 0;
    } catch (LabFailure failure) {
      report(failure, events, err, logs);
      return failure.kind().code();
    } catch (InvalidJobException invalid) {
      LabFailure failure = new LabFailure(LabExit.BAD_INPUT, invalid.getMessage());
      report(failure, events, err, logs);
      return failure.kind().code();
    } catch (HookChannelLost lost) {
      // The runner watched the hook host and knows why the channel closed; this line is only what we saw.
      LabFailure failure = new LabFailure(LabExit.HOOK_CHANNEL_LOST, lost.getMessage());
      report(failure, events, err, logs);
      return failure.kind().code();
    } catch (Throwable t) {
      LabFailure internal = new LabFailure(LabExit.INTERNAL_ERROR, String.valueOf(t), t);
      report(internal, events, err, logs);
      t.printStackTrace(err);
      return LabExit.INTERNAL_ERROR.code();
    }
  }

  private static void report(LabFailure failure, EventSink events, PrintStream err, BoundedBuffer logs) {
    for (String line : failure.messages()) {
      err.println(failure.kind().name() + ": " + line.replace('\n', ' '));
    }
    logs.replayTo(err);
    if (failure.kind() == LabExit.INTERNAL_ERROR && failure.getCause() == null) {
      failure.printStackTrace(err);
    }
    events.error(failure);
  }

  /** Keeps the last {@code limit} bytes written (older bytes are counted as dropped). */
  static final class BoundedBuffer extends OutputStream {
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long dropped;

    BoundedBuffer(int limit) {
      this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
      trim();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
      trim();
    }

    private void trim() {
      if (bytes.size() > 2 * limit) {
        byte[] all = bytes.toByteArray();
        dropped += all.length - limit;
        bytes.reset();
        bytes.write(all, all.length - limit, limit);
      }
    }

    synchronized void replayTo(PrintStream err) {
      if (dropped > 0) {
        err.println("[" + dropped + " earlier bytes of log output dropped]");
      }
      err.write(bytes.toByteArray(), 0, bytes.size());
      err.flush();
      bytes.reset();
    }
  }
}
