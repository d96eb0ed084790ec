package org.ethoslab.hooks;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model's parameters as plain Java data: name → {@link Tensor} (shape + row-major {@code float[]}), in a fixed
 * order. Merging hooks and tests work on this without touching DJL. The binary form ({@link #write}/{@link #read})
 * is what the model cache and merge artifacts store.
 */
public final class ParameterTree {
  private static final int MAGIC = 0x45544c50; // "ETLP"
  /** Refuses files that claim absurd sizes before allocating. */
  private static final long MAX_VALUES = 64L * 1024 * 1024;

  private final Map<String, Tensor> tensors;

  public ParameterTree(Map<String, Tensor> tensors) {
    this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
  }

  /** One parameter: its shape and its values, row-major; {@code values.length} equals the product of the shape. */
  public record Tensor(long[] shape, float[] values) {
    public Tensor {
      long n = 1;
      for (long d : shape) {
        if (d < 0) {
          throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
        }
        n *= d;
      }
      if (n != values.length) {
        throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
            + " values, got " + values.length);
      }
    }

    /** A tensor with the same shape and the given values. */
    public Tensor withValues(float[] newValues) {
      return new Tensor(shape.clone(), newValues);
    }

    public int numel() {
      return values.length;
    }

    public boolean sameShape(Tensor other) {
      return Arrays.equals(shape, other.shape);
    }
  }

  public Set<String> names() {
    return tensors.keySet();
  }

  public Tensor get(String name) {
    return tensors.get(name);
  }

  public Map<String, Tensor> asMap() {
    return tensors;
  }

  public int size() {
    return tensors.size();
  }

  /** Total number of values over all tensors. */
  public long numel() {
    return tensors.values().stream().mapToLong(Tensor::numel).sum();
  }

  /**
   * Throws {@link IllegalArgumentException} naming the first parameter that is missing, extra or of another shape
   * in {@code other}. Every merge method calls this before combining models.
   */
  public void requireSameLayout(ParameterTree other, String otherLabel) {
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      Tensor t = other.get(e.getKey());
      if (t == null) {
        throw new IllegalArgumentException(otherLabel + " has no parameter " + e.getKey());
      }
      if (!t.sameShape(e.getValue())) {
        throw new IllegalArgumentException("parameter " + e.getKey() + ": shape "
            + Arrays.toString(t.shape()) + " in " + otherLabel + " does not match "
            + Arrays.toString(e.getValue().shape()));
      }
    }
    for (String name : other.names()) {
      if (!tensors.containsKey(name)) {
        throw new IllegalArgumentException(otherLabel + " has an extra parameter " + name);
      }
    }
  }

  /** Largest absolute difference over all entries; both trees must share the layout. */
  public double maxAbsDifference(ParameterTree other) {
    requireSameLayout(other, "other tree");
    double max = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      float[] a = e.getValue().values();
      float[] b = other.get(e.getKey()).values();
      for (int i = 0; i < a.length; i++) {
        max = Math.max(max, Math.abs((double) a[i] - b[i]));
      }
    }
    return max;
  }

  public void write(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(out));
    data.writeInt(MAGIC);
    data.writeInt(tensors.size());
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
      data.writeShort(name.length);
      data.write(name);
      long[] shape = e.getValue().shape();
      data.writeByte(shape.length);
      for (long d : shape) {
        data.writeLong(d);
      }
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(e.getValue().numel() * 4);
      buf.asFloatBuffer().put(e.getValue().values());
      data.write(buf.array());
    }
    data.flush();
  }

  /**
   * Reads what {@link #write} wrote; a truncated, foreign or corrupted file is an {@link IOException} with the
   * reason. Every claimed size is checked against the bytes the stream still has before anything is allocated.
   */
  public static ParameterTree read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in));
    if (data.readInt() != MAGIC) {
      throw new IOException("not a parameter file (bad magic number)");
    }
    int count = data.readInt();
    if (count < 0 || count > 100_000) {
      throw new IOException("implausible parameter count " + count);
    }
    Map<String, Tensor> map = new LinkedHashMap<>();
    long total = 0;
    for (int i = 0; i < count; i++) {
      byte[] name = new byte[data.readUnsignedShort()];
      data.readFully(name);
      int rank = data.readUnsignedByte();
      long[] shape = new long[rank];
      long n = 1;
      for (int d = 0; d < rank; d++) {
        shape[d] = data.readLong();
        if (shape[d] < 0 || shape[d] > MAX_VALUES) {
          throw new IOException("implausible dimension " + shape[d]);
        }
        n *= shape[d];
        if (n > MAX_VALUES) {
          throw new IOException("parameter file holds more than " + MAX_VALUES + " values");
        }
      }
      total += n;
      if (total > MAX_VALUES) {
        throw new IOException("parameter file holds more than " + MAX_VALUES + " values");
      }
      if (data.available() < n * 4) {
        throw new IOException("parameter " + new String(name, StandardCharsets.UTF_8) + " claims " + n
            + " values but the file ends before them (truncated or corrupted)");
      }
      byte[] raw = new byte[(int) n * 4];
      data.readFully(raw);
      float[] values = new float[(int) n];
      java.nio.ByteBuffer.wrap(raw).asFloatBuffer().get(values);
      map.put(new String(name, StandardCharsets.UTF_8), new Tensor(shape, values));
    }
    return new ParameterTree(map);
  }

  /** A tree with the given names, all of one shape list, for tests and probes. */
  public static ParameterTree of(List<String> names, List<Tensor> values) {
    Map<String, Tensor> map = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      map.put(names.get(i), values.get(i));
    }
    return new ParameterTree(map);
  }
}
