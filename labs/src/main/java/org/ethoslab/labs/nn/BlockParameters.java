package org.ethoslab.labs.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ethoslab.hooks.ParameterTree;

/**
 * A block's parameters as a {@link ParameterTree}: what every model artifact and cache file stores. Reading checks
 * the bytes against the block's own names and shapes before anything is allocated for them, so a truncated or
 * corrupted file is refused with a message (never an OutOfMemoryError in the trusted phase, as DJL's own format,
 * whose lengths it trusts, allowed).
 */
public final class BlockParameters {
  private BlockParameters() {
  }

  /** A copy of every parameter by name, in the block's order. */
  public static ParameterTree of(Block block) {
    Map<String, ParameterTree.Tensor> map = new LinkedHashMap<>();
    for (var entry : block.getParameters()) {
      NDArray a = entry.getValue().getArray();
      map.put(entry.getKey(), new ParameterTree.Tensor(a.getShape().getShape(), a.toFloatArray()));
    }
    return new ParameterTree(map);
  }

  /** Overwrites every parameter in place; the tree must have exactly the block's names and shapes. */
  public static void set(Block block, ParameterTree tree) {
    of(block).requireSameLayout(tree, "the new parameters");
    for (var entry : block.getParameters()) {
      Parameter p = entry.getValue();
      p.getArray().set(FloatBuffer.wrap(tree.get(entry.getKey()).values()));
    }
  }

  /** The block's parameters in {@link ParameterTree}'s binary form. */
  public static byte[] bytes(Block block) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    of(block).write(out);
    return out.toByteArray();
  }

  /**
   * Loads {@code bytes} into the (initialised) block; {@code what} names the file in the message of the
   * {@link IOException} a file of another layout, a truncated one or a corrupted one gets.
   */
  public static void load(Block block, byte[] bytes, String what) throws IOException {
    ParameterTree tree = ParameterTree.read(new ByteArrayInputStream(bytes));
    try {
      set(block, tree);
    } catch (IllegalArgumentException e) {
      throw new IOException(what + " does not fit the model: " + e.getMessage(), e);
    }
  }
}
