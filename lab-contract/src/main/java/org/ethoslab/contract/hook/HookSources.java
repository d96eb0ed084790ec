package org.ethoslab.contract.hook;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of a {@link HookFrame.Kind#LOAD} frame: each student class with the hook interface it must implement.
 *
 * @param hooks the classes, in the order the job lists them
 */
public record HookSources(List<Source> hooks) {

  /** Longest source accepted, in characters (as the labs' job limit). */
  public static final int MAX_SOURCE_BYTES = 400_000;
  private static final int MAX_HOOKS = 32;

  public HookSources {
    hooks = List.copyOf(hooks);
  }

  /**
   * One student class.
   *
   * @param name          the class name, e.g. {@code SoftVote} (default package)
   * @param interfaceName the hook interface it must implement, e.g. {@code org.ethoslab.hooks.w2s.Voting}
   * @param source        its Java source
   */
  public record Source(String name, String interfaceName, String source) {
  }

  public HookFrame toFrame() throws IOException {
    return HookFrame.of(HookFrame.Kind.LOAD, 0, out -> {
      out.writeInt(hooks.size());
      for (Source s : hooks) {
        HookFrame.writeText(out, s.name());
        HookFrame.writeText(out, s.interfaceName());
        HookFrame.writeText(out, s.source());
      }
    });
  }

  public static HookSources from(HookFrame frame) throws IOException {
    if (frame.kind() != HookFrame.Kind.LOAD) {
      throw new HookProtocolException("expected a LOAD frame, got " + frame.kind());
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame.payload()));
    int n = in.readInt();
    if (n < 0 || n > MAX_HOOKS) {
      throw new HookProtocolException(n + " hooks in one LOAD (the limit is " + MAX_HOOKS + ")");
    }
    List<Source> hooks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      hooks.add(new Source(HookFrame.readText(in, 200), HookFrame.readText(in, 400),
          HookFrame.readText(in, MAX_SOURCE_BYTES)));
    }
    return new HookSources(hooks);
  }
}
