package org.ethoslab.runner.hooks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.ethoslab.contract.hook.HookFrame;
import org.ethoslab.contract.hook.HookProtocolException;
import org.ethoslab.contract.hook.HookSources;
import org.ethoslab.contract.hook.LoadReport;
import org.ethoslab.runner.executor.RunningStage;
import org.ethoslab.runner.executor.StageOutcome;

/**
 * One job's hook host, started: the runner writes the {@code LOAD} frame, a reader thread takes the host's frames
 * (the {@code LOADED} report first, then results), a watcher thread waits for the stage to end and tells
 * {@link #onEnd} listeners. One call at a time; {@link #call} waits for the matching result with a deadline and
 * kills the host when it passes.
 */
public final class HookHostSession implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(HookHostSession.class.getName());
  /** The largest frame relayed in either direction. */
  public static final int MAX_FRAME_BYTES = 64 << 20;

  private final RunningStage stage;
  private final OutputStream toHost;
  private final CompletableFuture<LoadReport> loaded = new CompletableFuture<>();
  private final LinkedBlockingQueue<HookFrame> results = new LinkedBlockingQueue<>();
  private final CompletableFuture<StageOutcome> ended = new CompletableFuture<>();
  private final AtomicReference<String> protocolProblem = new AtomicReference<>();
  private final AtomicReference<String> timedOutHook = new AtomicReference<>();
  private volatile boolean closing;
  private volatile boolean selfEnded;
  private long calls;
  private long nanosInHost;

  private HookHostSession(RunningStage stage) {
    this.stage = stage;
    this.toHost = new BufferedOutputStream(stage.stdin(), 1 << 16);
  }

  /** Takes over a started host stage, sends it the sources and starts reading and watching. */
  public static HookHostSession start(RunningStage stage, HookSources sources) throws IOException {
    HookHostSession session = new HookHostSession(stage);
    Thread reader = new Thread(() -> session.read(new BufferedInputStream(stage.stdout(), 1 << 16)),
        "hook-host-reader");
    reader.setDaemon(true);
    reader.start();
    Thread watcher = new Thread(() -> {
      StageOutcome outcome = stage.await();
      session.selfEnded = !session.closing;
      session.ended.complete(outcome);
    }, "hook-host-watcher");
    watcher.setDaemon(true);
    watcher.start();
    try {
      sources.toFrame().write(session.toHost);
    } catch (IOException e) {
      // The host died before it read its sources; the watcher reports why.
      LOG.fine("hook host closed before LOAD: " + e.getMessage());
    }
    return session;
  }

  private void read(InputStream in) {
    try {
      HookFrame first = HookFrame.read(in, MAX_FRAME_BYTES);
      if (first == null) {
        return;
      }
      loaded.complete(LoadReport.from(first));
      while (true) {
        HookFrame frame = HookFrame.read(in, MAX_FRAME_BYTES);
        if (frame == null) {
          return;
        }
        if (frame.kind() != HookFrame.Kind.RESULT) {
          throw new HookProtocolException("the host sent a " + frame.kind() + " frame");
        }
        results.add(frame);
      }
    } catch (HookProtocolException e) {
      // Only student code in the host can write a malformed frame: stop it and say so.
      protocolProblem.compareAndSet(null, e.getMessage());
      stage.kill("the hook channel carried something that is not a frame: " + e.getMessage());
    } catch (IOException e) {
      LOG.fine("hook host output closed: " + e.getMessage());
    } finally {
      loaded.completeExceptionally(new IOException("the hook host ended before it loaded the hooks"));
    }
  }

  /**
   * What loading gave, waiting at most {@code limit}; empty when the host ended (or was stopped) first. A host that
   * takes longer is killed, and {@link #timedOutHook} names the compile step.
   */
  public java.util.Optional<LoadReport> awaitLoaded(Duration limit) throws InterruptedException {
    try {
      return java.util.Optional.of(loaded.get(limit.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException e) {
      return java.util.Optional.empty();
    } catch (TimeoutException e) {
      timedOutHook.compareAndSet(null, "(compiling and loading your classes)");
      stage.kill("the hook host did not load the hooks within " + limit.toSeconds() + " s");
      return java.util.Optional.empty();
    }
  }

  /** Runs {@code listener} once the host's stage has ended (at once if it already has). */
  public void onEnd(Runnable listener) {
    ended.thenRun(listener);
  }

  /** True once the host's stage has ended. */
  public boolean ended() {
    return ended.isDone();
  }

  /**
   * Sends a call and waits for its result; on a host that ended, or a result later than {@code limit} (the host
   * is then killed), returns a {@code LOST} frame saying so.
   */
  public synchronized HookFrame call(HookFrame call, Duration limit) throws InterruptedException {
    if (ended.isDone() || closing) {
      return HookFrame.lost("the hook host is not running");
    }
    if (!results.isEmpty()) {
      // Nothing was asked: only student code writing to the channel can have put a frame here.
      protocolProblem.compareAndSet(null, "the host sent a result nobody asked for");
      stage.kill("the hook host sent a result nobody asked for");
      return HookFrame.lost("the hook host sent a result nobody asked for");
    }
    long start = System.nanoTime();
    try {
      call.write(toHost);
    } catch (IOException e) {
      return HookFrame.lost("the hook host stopped reading: " + e.getMessage());
    }
    long deadline = start + limit.toNanos();
    while (true) {
      HookFrame result = results.poll(50, TimeUnit.MILLISECONDS);
      if (result != null) {
        if (result.callId() != call.callId()) {
          protocolProblem.compareAndSet(null, "a result for call " + result.callId() + " came for call "
              + call.callId());
          stage.kill("the hook host answered the wrong call");
          return HookFrame.lost("the hook host answered the wrong call");
        }
        calls++;
        nanosInHost += System.nanoTime() - start;
        return result;
      }
      if (ended.isDone()) {
        return HookFrame.lost("the hook host ended during a call of " + call.callHookName());
      }
      if (System.nanoTime() > deadline) {
        timedOutHook.compareAndSet(null, call.callHookName());
        stage.kill("hook " + call.callHookName() + " did not answer within " + limit.toSeconds() + " s");
        return HookFrame.lost("the hook " + call.callHookName() + " did not answer within " + limit.toSeconds()
            + " s");
      }
    }
  }

  /** The hook whose call (or the load) ran past its limit, if one did. */
  public java.util.Optional<String> timedOutHook() {
    return java.util.Optional.ofNullable(timedOutHook.get());
  }

  /** What student code wrote on the channel that was not a frame, if it did. */
  public java.util.Optional<String> protocolProblem() {
    return java.util.Optional.ofNullable(protocolProblem.get());
  }

  /** Calls answered so far (batches) and the wall time spent waiting for them. */
  public synchronized String stats() {
    return calls + " call(s), " + nanosInHost / 1_000_000 + " ms in the hook host";
  }

  /** How the host's stage ended; waits for it. */
  public StageOutcome outcome() throws InterruptedException {
    try {
      return ended.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the hook host watcher failed", e.getCause());
    }
  }

  /** True when the host ended before the runner closed it: its outcome then needs a verdict. */
  public boolean endedByItself() {
    return ended.isDone() && selfEnded;
  }

  /** Ends the host: its input closes, it exits; one that does not within 5 s is killed. */
  @Override
  public void close() throws InterruptedException {
    closing = true;
    try {
      toHost.close();
    } catch (IOException e) {
      LOG.fine("hook host input already closed: " + e.getMessage());
    }
    try {
      ended.get(5, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      stage.kill("the hook host did not end when its input closed");
      outcome();
    } catch (ExecutionException e) {
      LOG.fine("hook host watcher: " + e.getMessage());
    }
  }
}
