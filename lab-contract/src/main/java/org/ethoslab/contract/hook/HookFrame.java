package org.ethoslab.contract.hook;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One frame of the hook channel: {@code int32 length | byte kind | int32 callId | payload}, big-endian, where
 * {@code length} counts kind, call id and payload. Frames longer than the reader's cap are refused before anything is
 * allocated for them.
 *
 * @param kind    what the frame is
 * @param callId  pairs a {@link Kind#CALL} with its {@link Kind#RESULT}; 0 for the other kinds
 * @param payload the frame's body
 */
public record HookFrame(Kind kind, int callId, byte[] payload) {

  /** Bytes of a frame's header after the length: kind and call id. */
  private static final int HEADER = 5;

  /** The frame kinds, by who sends them. */
  public enum Kind {
    /** Starter → host: the student sources and the interfaces they implement ({@link HookSources}). */
    LOAD(1),
    /** Host → starter: compiled and loaded, or why not ({@link LoadReport}). */
    LOADED(2),
    /** Trainer or evaluator → host: call one hook on a batch of argument lists. */
    CALL(3),
    /** Host → caller: one outcome per argument list (a value, or what the student code threw). */
    RESULT(4),
    /** Relay → caller: the host is gone or was stopped; the payload says why in plain words. */
    LOST(5);

    private final int code;

    Kind(int code) {
      this.code = code;
    }

    static Kind of(int code) throws IOException {
      for (Kind k : values()) {
        if (k.code == code) {
          return k;
        }
      }
      throw new HookProtocolException("unknown frame kind " + code);
    }
  }

  /** Reads one frame, or returns null at a clean end of stream; refuses frames over {@code maxBytes}. */
  public static HookFrame read(InputStream in, int maxBytes) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int first = in.read();
    if (first < 0) {
      return null;
    }
    int length = (first << 24) | (readByte(in) << 16) | (readByte(in) << 8) | readByte(in);
    if (length < HEADER || length > maxBytes) {
      throw new HookProtocolException("frame of " + length + " bytes (the limit is " + maxBytes + ")");
    }
    Kind kind = Kind.of(data.readUnsignedByte());
    int callId = data.readInt();
    byte[] payload = new byte[length - HEADER];
    data.readFully(payload);
    return new HookFrame(kind, callId, payload);
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("hook channel closed inside a frame header");
    }
    return b;
  }

  /** Writes this frame and flushes. */
  public void write(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(HEADER + payload.length);
    data.writeByte(kind.code);
    data.writeInt(callId);
    data.write(payload);
    data.flush();
  }

  /** A {@link Kind#LOST} frame saying why. */
  public static HookFrame lost(String reason) {
    return new HookFrame(Kind.LOST, 0, reason.getBytes(StandardCharsets.UTF_8));
  }

  /** The payload of a {@link Kind#LOST} frame. */
  public String reason() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  /**
   * The hook name at the start of a {@link Kind#CALL} payload (what the relay names in a timeout verdict), or
   * {@code ?} when the payload does not start with one.
   */
  public String callHookName() {
    if (payload.length < 4) {
      return "?";
    }
    int n = ((payload[0] & 0xff) << 24) | ((payload[1] & 0xff) << 16) | ((payload[2] & 0xff) << 8) | (payload[3] & 0xff);
    if (n < 0 || n > 200 || 4 + n > payload.length) {
      return "?";
    }
    return new String(payload, 4, n, StandardCharsets.UTF_8);
  }

  /** Writes a length-prefixed UTF-8 string, the channel's one string encoding. */
  public static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** Reads a string written by {@link #writeText}, refusing one longer than {@code maxBytes}. */
  public static String readText(DataInputStream in, int maxBytes) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > maxBytes) {
      throw new HookProtocolException("text of " + n + " bytes (the limit is " + maxBytes + ")");
    }
    byte[] bytes = new byte[n];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Encodes a payload with {@code body} and wraps it in a frame. */
  public static HookFrame of(Kind kind, int callId, PayloadWriter body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    body.write(out);
    out.flush();
    return new HookFrame(kind, callId, bytes.toByteArray());
  }

  /** Writes a frame's payload. */
  @FunctionalInterface
  public interface PayloadWriter {
    void write(DataOutputStream out) throws IOException;
  }
}
