package org.ethoslab.contract.hook;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of a {@link HookFrame.Kind#LOADED} frame: whether the student classes compiled and loaded, and if not,
 * one problem per diagnostic with the file and line it points at.
 *
 * @param status   what happened
 * @param problems the diagnostics, first one first; empty when loaded
 */
public record LoadReport(Status status, List<Problem> problems) {

  public LoadReport {
    problems = List.copyOf(problems);
  }

  /** How loading ended. */
  public enum Status {
    /** Every class compiled, implements its interface and was constructed. */
    LOADED,
    /** {@code javac} refused a source: the problems are its errors. */
    COMPILE_ERROR,
    /** A class compiled but cannot serve: not public, wrong interface, no no-argument constructor. */
    NOT_A_HOOK,
    /** A class's static initializer or constructor threw. */
    THREW
  }

  /** One diagnostic: {@code SoftVote.java}, line 12, {@code ';' expected}; line 0 when there is none. */
  public record Problem(String file, int line, String message) {

    /** {@code SoftVote.java:12: ';' expected}. */
    public String describe() {
      return file + ":" + line + ": " + message;
    }
  }

  public static LoadReport loaded() {
    return new LoadReport(Status.LOADED, List.of());
  }

  public HookFrame toFrame() throws IOException {
    return HookFrame.of(HookFrame.Kind.LOADED, 0, out -> {
      out.writeByte(status.ordinal());
      out.writeInt(problems.size());
      for (Problem p : problems) {
        HookFrame.writeText(out, p.file());
        out.writeInt(p.line());
        HookFrame.writeText(out, p.message());
      }
    });
  }

  public static LoadReport from(HookFrame frame) throws IOException {
    if (frame.kind() != HookFrame.Kind.LOADED) {
      throw new HookProtocolException("expected a LOADED frame, got " + frame.kind());
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame.payload()));
    int status = in.readUnsignedByte();
    if (status >= Status.values().length) {
      throw new HookProtocolException("unknown load status " + status);
    }
    int n = in.readInt();
    if (n < 0 || n > 200) {
      throw new HookProtocolException(n + " load problems (the limit is 200)");
    }
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      problems.add(new Problem(HookFrame.readText(in, 400), in.readInt(), HookFrame.readText(in, 4000)));
    }
    return new LoadReport(Status.values()[status], problems);
  }
}
