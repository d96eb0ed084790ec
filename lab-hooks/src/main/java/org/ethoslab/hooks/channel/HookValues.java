package org.ethoslab.hooks.channel;

import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ethoslab.contract.hook.HookProtocolException;
import org.ethoslab.hooks.ParameterTree;

/**
 * The hook channel's values: what a hook takes and returns, as tagged big-endian bytes. The Java types a hook
 * interface may use are the primitives and their boxes, {@code String}, arrays of primitives, arrays and
 * {@code List}s of supported types, records of supported types, and {@link ParameterTree}. Reading is driven by the
 * type the reader expects and checks every length against the bytes that are left, so a forged frame can make the
 * reader refuse it but never allocate more than the frame holds.
 */
public final class HookValues {

  static final int MAX_DEPTH = 16;
  static final byte NULL = 0;
  static final byte BOOLEAN = 1;
  static final byte INT = 2;
  static final byte LONG = 3;
  static final byte DOUBLE = 4;
  static final byte FLOAT = 5;
  static final byte TEXT = 6;
  static final byte DOUBLES = 7;
  static final byte FLOATS = 8;
  static final byte INTS = 9;
  static final byte LONGS = 10;
  static final byte BOOLEANS = 11;
  static final byte LIST = 12;

  private HookValues() {
  }

  /** True when values of {@code type} can cross the channel; hook interfaces are checked with this once. */
  public static boolean supports(Type type) {
    return supports(type, 0);
  }

  private static boolean supports(Type type, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (type instanceof ParameterizedType p) {
      return p.getRawType() == List.class && supports(p.getActualTypeArguments()[0], depth + 1);
    }
    if (type instanceof GenericArrayType g) {
      return supports(g.getGenericComponentType(), depth + 1);
    }
    if (!(type instanceof Class<?> c)) {
      return false;
    }
    if (c.isPrimitive()) {
      return c != void.class && c != char.class && c != byte.class && c != short.class;
    }
    if (c == Integer.class || c == Long.class || c == Double.class || c == Float.class || c == Boolean.class
        || c == String.class || c == ParameterTree.class) {
      return true;
    }
    if (c.isArray()) {
      return supports(c.getComponentType(), depth + 1);
    }
    if (c.isRecord()) {
      for (RecordComponent rc : c.getRecordComponents()) {
        if (!supports(rc.getGenericType(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Encodes {@code value} (of a supported type) into {@code out}. */
  public static void write(DataOutputStream out, Object value) throws IOException {
    write(out, value, 0);
  }

  private static void write(DataOutputStream out, Object value, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new HookProtocolException("a value nested deeper than " + MAX_DEPTH + " levels");
    }
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof Boolean b) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(b);
    } else if (value instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else if (value instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (value instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeDouble(d);
    } else if (value instanceof Float f) {
      out.writeByte(FLOAT);
      out.writeFloat(f);
    } else if (value instanceof String s) {
      out.writeByte(TEXT);
      writeText(out, s);
    } else if (value instanceof double[] a) {
      out.writeByte(DOUBLES);
      out.writeInt(a.length);
      ByteBuffer buf = ByteBuffer.allocate(a.length * 8);
      buf.asDoubleBuffer().put(a);
      out.write(buf.array());
    } else if (value instanceof float[] a) {
      out.writeByte(FLOATS);
      out.writeInt(a.length);
      ByteBuffer buf = ByteBuffer.allocate(a.length * 4);
      buf.asFloatBuffer().put(a);
      out.write(buf.array());
    } else if (value instanceof int[] a) {
      out.writeByte(INTS);
      out.writeInt(a.length);
      for (int v : a) {
        out.writeInt(v);
      }
    } else if (value instanceof long[] a) {
      out.writeByte(LONGS);
      out.writeInt(a.length);
      for (long v : a) {
        out.writeLong(v);
      }
    } else if (value instanceof boolean[] a) {
      out.writeByte(BOOLEANS);
      out.writeInt(a.length);
      for (boolean v : a) {
        out.writeBoolean(v);
      }
    } else if (value instanceof ParameterTree tree) {
      out.writeByte(LIST);
      out.writeInt(tree.size());
      for (Map.Entry<String, ParameterTree.Tensor> e : tree.asMap().entrySet()) {
        out.writeByte(LIST);
        out.writeInt(2);
        write(out, e.getKey(), depth + 2);
        write(out, e.getValue(), depth + 2);
      }
    } else if (value.getClass().isArray()) {
      int n = Array.getLength(value);
      out.writeByte(LIST);
      out.writeInt(n);
      for (int i = 0; i < n; i++) {
        write(out, Array.get(value, i), depth + 1);
      }
    } else if (value instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeInt(list.size());
      for (Object element : list) {
        write(out, element, depth + 1);
      }
    } else if (value.getClass().isRecord()) {
      RecordComponent[] components = value.getClass().getRecordComponents();
      out.writeByte(LIST);
      out.writeInt(components.length);
      for (RecordComponent rc : components) {
        write(out, component(value, rc), depth + 1);
      }
    } else {
      throw new HookProtocolException("a " + value.getClass().getName() + " cannot cross the hook channel");
    }
  }

  private static Object component(Object record, RecordComponent rc) throws HookProtocolException {
    try {
      java.lang.reflect.Method accessor = rc.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new HookProtocolException("cannot read " + rc.getName() + " of a " + record.getClass().getSimpleName()
          + ": " + e);
    }
  }

  /** Writes {@code text} as length-prefixed UTF-8. */
  public static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }


  /** Reads a value of {@code type}; any mismatch or overlong length is a {@link HookProtocolException}. */
  public static Object read(ByteBuffer in, Type type) throws HookProtocolException {
    return HookValueReader.read(in, type);
  }

  /** Reads a string written by {@link #writeText}, refusing one longer than {@code maxBytes}. */
  public static String readText(ByteBuffer in, int maxBytes) throws HookProtocolException {
    return HookValueReader.readText(in, maxBytes);
  }
}
