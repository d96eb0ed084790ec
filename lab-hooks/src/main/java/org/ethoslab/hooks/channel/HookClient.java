package org.ethoslab.hooks.channel;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.util.List;
import org.ethoslab.contract.hook.HookFrame;
import org.ethoslab.contract.hook.HookProtocolException;

/**
 * The trusted side of the hook channel: sends a batch of calls of one hook and waits for the outcomes. One call at a
 * time; the trainer and the evaluator call their hooks from one thread.
 */
public final class HookClient implements AutoCloseable {

  /** The largest frame either side accepts: a call with a model's three parameter trees fits many times over. */
  public static final int MAX_FRAME_BYTES = 64 << 20;

  private final InputStream in;
  private final OutputStream out;
  private final AutoCloseable onClose;
  private int nextCallId = 1;
  private long calls;
  private long roundTrips;

  public HookClient(InputStream in, OutputStream out, AutoCloseable onClose) {
    this.in = new BufferedInputStream(in, 1 << 16);
    this.out = new BufferedOutputStream(out, 1 << 16);
    this.onClose = onClose;
  }

  /**
   * Calls {@code hook} (whose interface method is {@code method}) once per argument list.
   *
   * @throws HookChannelLost       the channel closed or the relay said the host is gone
   * @throws HookProtocolException the answer is not a well-formed result for this call
   */
  public synchronized List<HookOutcome> call(String hook, Method method, List<Object[]> arguments)
      throws IOException {
    int id = nextCallId++;
    try {
      HookCalls.call(id, hook, arguments).write(out);
    } catch (IOException e) {
      throw new HookChannelLost("the hook channel closed while a call to " + hook + " was sent: " + e.getMessage());
    }
    HookFrame answer;
    try {
      answer = HookFrame.read(in, MAX_FRAME_BYTES);
    } catch (HookProtocolException e) {
      throw e;
    } catch (IOException e) {
      throw new HookChannelLost("the hook channel closed while " + hook + " ran: " + e.getMessage());
    }
    if (answer == null) {
      throw new HookChannelLost("the hook channel closed while " + hook + " ran");
    }
    if (answer.kind() == HookFrame.Kind.LOST) {
      throw new HookChannelLost(answer.reason());
    }
    if (answer.kind() != HookFrame.Kind.RESULT || answer.callId() != id) {
      throw new HookProtocolException("expected the result of call " + id + ", got " + answer.kind() + " "
          + answer.callId());
    }
    calls += arguments.size();
    roundTrips++;
    return HookCalls.outcomes(answer, method, arguments.size());
  }

  /** Hook calls made so far (each argument list counts once). */
  public synchronized long calls() {
    return calls;
  }

  /** Frames sent so far: one per batch. */
  public synchronized long roundTrips() {
    return roundTrips;
  }

  @Override
  public void close() throws Exception {
    try {
      out.close();
    } finally {
      if (onClose != null) {
        onClose.close();
      }
    }
  }
}
