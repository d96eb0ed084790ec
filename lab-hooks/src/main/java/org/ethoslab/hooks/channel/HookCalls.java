package org.ethoslab.hooks.channel;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.ethoslab.contract.hook.HookFrame;
import org.ethoslab.contract.hook.HookProtocolException;

/**
 * The payloads of {@link HookFrame.Kind#CALL} and {@link HookFrame.Kind#RESULT}. A call names the hook and carries a
 * batch of argument lists (one round trip for a whole batch); a result carries one {@link HookOutcome} per list.
 */
public final class HookCalls {

  private static final int MAX_BATCH = 1 << 20;
  private static final byte RETURNED = 0;
  private static final byte THREW = 1;

  private HookCalls() {
  }

  /** A decoded call: the hook's name and its argument lists. */
  public record Call(String hook, List<Object[]> arguments) {
  }

  public static HookFrame call(int callId, String hook, List<Object[]> arguments) throws IOException {
    return HookFrame.of(HookFrame.Kind.CALL, callId, out -> {
      HookValues.writeText(out, hook);
      out.writeInt(arguments.size());
      for (Object[] args : arguments) {
        out.writeInt(args.length);
        for (Object a : args) {
          HookValues.write(out, a);
        }
      }
    });
  }

  /** The hook name of a call; its arguments are read by {@link #arguments} once the hook's method is known. */
  public static String hookName(HookFrame frame) throws HookProtocolException {
    return HookValues.readText(ByteBuffer.wrap(frame.payload()), 200);
  }

  /** How many argument lists a call carries. */
  public static int batchSize(HookFrame frame) throws HookProtocolException {
    ByteBuffer in = ByteBuffer.wrap(frame.payload());
    try {
      HookValues.readText(in, 200);
      int n = in.getInt();
      if (n < 0 || n > MAX_BATCH || n > in.remaining()) {
        throw new HookProtocolException("a batch of " + n + " calls");
      }
      return n;
    } catch (java.nio.BufferUnderflowException e) {
      throw new HookProtocolException("a call ends before its declared length");
    }
  }

  public static List<Object[]> arguments(HookFrame frame, Method method) throws HookProtocolException {
    ByteBuffer in = ByteBuffer.wrap(frame.payload());
    try {
      HookValues.readText(in, 200);
      int n = in.getInt();
      if (n < 0 || n > MAX_BATCH || n > in.remaining()) {
        throw new HookProtocolException("a batch of " + n + " calls");
      }
      Type[] types = method.getGenericParameterTypes();
      List<Object[]> batch = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int argc = in.getInt();
        if (argc != types.length) {
          throw new HookProtocolException(method.getName() + " takes " + types.length + " arguments, got " + argc);
        }
        Object[] args = new Object[argc];
        for (int a = 0; a < argc; a++) {
          args[a] = HookValues.read(in, types[a]);
        }
        batch.add(args);
      }
      return batch;
    } catch (java.nio.BufferUnderflowException e) {
      throw new HookProtocolException("a call ends before its declared length");
    }
  }

  public static HookFrame result(int callId, List<HookOutcome> outcomes) throws IOException {
    return HookFrame.of(HookFrame.Kind.RESULT, callId, out -> {
      out.writeInt(outcomes.size());
      for (HookOutcome o : outcomes) {
        if (o.threw()) {
          out.writeByte(THREW);
          HookValues.writeText(out, o.error().exception());
          HookValues.writeText(out, o.error().message());
          HookValues.writeText(out, o.error().file());
          out.writeInt(o.error().line());
        } else {
          out.writeByte(RETURNED);
          HookValues.write(out, o.value());
        }
      }
    });
  }

  /** The outcomes of a result, read as {@code method}'s return type; exactly {@code expected} of them. */
  public static List<HookOutcome> outcomes(HookFrame frame, Method method, int expected)
      throws HookProtocolException {
    ByteBuffer in = ByteBuffer.wrap(frame.payload());
    try {
      int n = in.getInt();
      if (n != expected) {
        throw new HookProtocolException("an answer to " + expected + " calls holds " + n + " outcomes");
      }
      List<HookOutcome> outcomes = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        byte status = in.get();
        if (status == RETURNED) {
          outcomes.add(HookOutcome.returned(HookValues.read(in, method.getGenericReturnType())));
        } else if (status == THREW) {
          outcomes.add(HookOutcome.threw(new StudentError(HookValues.readText(in, 400),
              HookValues.readText(in, 8000), HookValues.readText(in, 400), in.getInt())));
        } else {
          throw new HookProtocolException("unknown outcome status " + status);
        }
      }
      return outcomes;
    } catch (java.nio.BufferUnderflowException e) {
      throw new HookProtocolException("an answer ends before its declared length");
    }
  }
}
