package org.ethoslab.runner.executor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Runs one child process under the runner's own watch: a wall-clock timer, a cap on everything it prints, and
 * outside stop requests. Output is handed over line by line; on any limit the whole process tree is killed through
 * the given {@code killTree} action (the executor knows the tree: bwrap, cgroup, descendants),
 * called while the process may still run so that its descendants can still be found.
 */
public final class SupervisedProcess {

  private static final Logger LOG = Logger.getLogger(SupervisedProcess.class.getName());
  /** Longer lines are cut: a line is an event, not a data channel. */
  public static final int MAX_LINE_BYTES = 16 * 1024;
  private static final int STDERR_KEPT_BYTES = 16 * 1024;

  /** Receives the child's output, one line at a time, from the pump threads. */
  @FunctionalInterface
  public interface LineSink {
    void line(boolean stderr, String line);
  }

  /**
   * How the process ended.
   *
   * @param exitCode        the exit status (128 + signal for a signal), or -1 when it was killed before reporting one
   * @param timedOut        the runner's wall-clock timer fired
   * @param outputExceeded  it printed more than the output cap
   * @param stopReason      a stop request from outside, or null
   * @param elapsed         wall time from start to exit
   * @param stderrHead      the first 16 KB of stderr (the labs CLI puts {@code KIND: message} on its first line)
   * @param outputBytes     bytes printed on stdout and stderr together (stderr alone for a channel process)
   * @param killedFor       why the runner itself killed it for a limit it watches ({@link Running#kill}), or null
   */
  public record Result(int exitCode, boolean timedOut, boolean outputExceeded, StopSignal.Reason stopReason,
                       Duration elapsed, String stderrHead, long outputBytes, String killedFor) {

    /** The same result with another exit code (bwrap reports the program's own). */
    public Result withExitCode(int code) {
      return new Result(code, timedOut, outputExceeded, stopReason, elapsed, stderrHead, outputBytes, killedFor);
    }
  }

  /** What the child's stdin and stdout are. */
  public enum Stdio {
    /** stdin closed at once, stdout handed to the sink line by line (the labs CLI's events). */
    LINES,
    /** stdin and stdout left to the caller as a binary channel (the hook host); only stderr goes to the sink. */
    CHANNEL
  }

  private SupervisedProcess() {
  }

  /** Starts {@code builder} and supervises it until it exits or is killed. */
  public static Result run(ProcessBuilder builder, Duration wallTime, long outputCap, LineSink sink, StopSignal stop,
                           java.util.function.Consumer<Process> killTree) throws IOException {
    return start(builder, wallTime, outputCap, sink, stop, killTree, Stdio.LINES).await();
  }

  /** Starts {@code builder}; {@link Running#await} supervises it. */
  public static Running start(ProcessBuilder builder, Duration wallTime, long outputCap, LineSink sink,
                              StopSignal stop, java.util.function.Consumer<Process> killTree, Stdio stdio)
      throws IOException {
    long start = System.nanoTime();
    Process process = builder.start();
    Running running = new Running(process, start, start + wallTime.toNanos(), stop, killTree);
    if (stdio == Stdio.LINES) {
      process.getOutputStream().close();
      running.out = pump(process.getInputStream(), false, sink, running.printed, outputCap, running.overflow, null);
    }
    running.err = pump(process.getErrorStream(), true, sink, running.printed, outputCap, running.overflow,
        running.stderrHead);
    return running;
  }

  /** A started child under supervision. */
  public static final class Running {
    private final Process process;
    private final long start;
    private final long deadline;
    private final StopSignal stop;
    private final java.util.function.Consumer<Process> killTree;
    private final AtomicLong printed = new AtomicLong();
    private final AtomicBoolean overflow = new AtomicBoolean();
    private final ByteArrayOutputStream stderrHead = new ByteArrayOutputStream();
    private final java.util.concurrent.atomic.AtomicReference<String> killedFor =
        new java.util.concurrent.atomic.AtomicReference<>();
    private Thread out;
    private Thread err;

    private Running(Process process, long start, long deadline, StopSignal stop,
                    java.util.function.Consumer<Process> killTree) {
      this.process = process;
      this.start = start;
      this.deadline = deadline;
      this.stop = stop;
      this.killTree = killTree;
    }

    /** The child's stdin (a {@link Stdio#CHANNEL} child's channel to it). */
    public OutputStream stdin() {
      return process.getOutputStream();
    }

    /** The child's stdout (a {@link Stdio#CHANNEL} child's channel from it). */
    public InputStream stdout() {
      return process.getInputStream();
    }

    public boolean alive() {
      return process.isAlive();
    }

    /** Kills the child for a limit the runner watches itself; {@code reason} names it in the result. */
    public void kill(String reason) {
      killedFor.compareAndSet(null, reason);
    }

    /** Waits until the child exits or a limit, a stop or {@link #kill} ends it. */
    public Result await() {
      boolean timedOut = false;
      boolean killed = false;
      StopSignal.Reason stopReason = null;
      try {
        while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
          if (System.nanoTime() > deadline) {
            timedOut = true;
          }
          stopReason = stop.reason();
          if (timedOut || overflow.get() || stopReason != null || killedFor.get() != null) {
            killed = true;
            break;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopReason = StopSignal.Reason.SHUTDOWN;
        killed = true;
      }
      if (killed) {
        killTree.accept(process);
        process.destroyForcibly();
        waitQuietly(process);
      }
      // The pipes close when the last process holding them dies; after a kill that is immediate.
      if (out != null) {
        join(out);
      }
      join(err);
      int exit = process.isAlive() ? -1 : process.exitValue();
      String head;
      synchronized (stderrHead) {
        head = stderrHead.toString(StandardCharsets.UTF_8);
      }
      return new Result(exit, timedOut, overflow.get(), stopReason, Duration.ofNanos(System.nanoTime() - start),
          head, printed.get(), killedFor.get());
    }
  }

  private static Thread pump(InputStream in, boolean stderr, LineSink sink, AtomicLong printed, long cap,
                             AtomicBoolean overflow, ByteArrayOutputStream head) {
    Thread thread = new Thread(() -> {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      boolean truncating = false;
      try (in) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          if (printed.addAndGet(n) > cap) {
            overflow.set(true);
          }
          if (overflow.get()) {
            continue; // keep draining so the child never blocks on a full pipe before it is killed
          }
          if (head != null) {
            synchronized (head) {
              head.write(buffer, 0, Math.min(n, Math.max(0, STDERR_KEPT_BYTES - head.size())));
            }
          }
          for (int i = 0; i < n; i++) {
            byte b = buffer[i];
            if (b == '\n') {
              if (!truncating || line.size() > 0) {
                deliver(sink, stderr, line);
              }
              truncating = false;
            } else if (line.size() < MAX_LINE_BYTES) {
              line.write(b);
            } else if (!truncating) {
              deliver(sink, stderr, line);
              truncating = true;
            }
          }
        }
        if (line.size() > 0 && !overflow.get()) {
          deliver(sink, stderr, line);
        }
      } catch (IOException e) {
        LOG.fine("Output pipe closed: " + e.getMessage());
      }
    }, stderr ? "child-stderr" : "child-stdout");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void deliver(LineSink sink, boolean stderr, ByteArrayOutputStream line) {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    try {
      sink.line(stderr, text);
    } catch (RuntimeException e) {
      LOG.warning("Dropping a line of child output: " + e.getMessage());
    }
  }

  private static void waitQuietly(Process process) {
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
