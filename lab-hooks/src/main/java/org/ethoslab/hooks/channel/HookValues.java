package org.ethoslab.hooks.channel;

import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  private static final int MAX_DEPTH = 16;
  private static final byte NULL = 0;
  private static final byte BOOLEAN = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte DOUBLE = 4;
  private static final byte FLOAT = 5;
  private static final byte TEXT = 6;
  private static final byte DOUBLES = 7;
  private static final byte FLOATS = 8;
  private static final byte INTS = 9;
  private static final byte LONGS = 10;
  private static final byte BOOLEANS = 11;
  private static final byte LIST = 12;

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
    try {
      return read(in, type, 0);
    } catch (BufferUnderflowException e) {
      throw new HookProtocolException("a value ends before its declared length");
    }
  }

  private static Object read(ByteBuffer in, Type type, int depth) throws HookProtocolException {
    if (depth > MAX_DEPTH) {
      throw new HookProtocolException("a value nested deeper than " + MAX_DEPTH + " levels");
    }
    byte tag = in.get();
    if (tag == NULL) {
      if (type instanceof Class<?> c && c.isPrimitive()) {
        throw new HookProtocolException("null where a " + c.getName() + " was expected");
      }
      return null;
    }
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      int n = length(in, tag, LIST, 1, type);
      List<Object> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(read(in, p.getActualTypeArguments()[0], depth + 1));
      }
      return java.util.Collections.unmodifiableList(list);
    }
    if (type instanceof GenericArrayType g) {
      return readArray(in, tag, g.getGenericComponentType(), rawClass(g.getGenericComponentType()), depth, type);
    }
    if (!(type instanceof Class<?> c)) {
      throw new HookProtocolException("values of type " + type + " cannot cross the hook channel");
    }
    if (c == boolean.class || c == Boolean.class) {
      expect(tag, BOOLEAN, c);
      return in.get() != 0;
    }
    if (c == int.class || c == Integer.class) {
      expect(tag, INT, c);
      return in.getInt();
    }
    if (c == long.class || c == Long.class) {
      expect(tag, LONG, c);
      return in.getLong();
    }
    if (c == double.class || c == Double.class) {
      expect(tag, DOUBLE, c);
      return in.getDouble();
    }
    if (c == float.class || c == Float.class) {
      expect(tag, FLOAT, c);
      return in.getFloat();
    }
    if (c == String.class) {
      expect(tag, TEXT, c);
      return readText(in, in.remaining());
    }
    if (c == double[].class) {
      double[] a = new double[length(in, tag, DOUBLES, 8, c)];
      in.asDoubleBuffer().get(a);
      in.position(in.position() + a.length * 8);
      return a;
    }
    if (c == float[].class) {
      float[] a = new float[length(in, tag, FLOATS, 4, c)];
      in.asFloatBuffer().get(a);
      in.position(in.position() + a.length * 4);
      return a;
    }
    if (c == int[].class) {
      int[] a = new int[length(in, tag, INTS, 4, c)];
      for (int i = 0; i < a.length; i++) {
        a[i] = in.getInt();
      }
      return a;
    }
    if (c == long[].class) {
      long[] a = new long[length(in, tag, LONGS, 8, c)];
      for (int i = 0; i < a.length; i++) {
        a[i] = in.getLong();
      }
      return a;
    }
    if (c == boolean[].class) {
      boolean[] a = new boolean[length(in, tag, BOOLEANS, 1, c)];
      for (int i = 0; i < a.length; i++) {
        a[i] = in.get() != 0;
      }
      return a;
    }
    if (c == ParameterTree.class) {
      return readTree(in, tag, depth);
    }
    if (c.isArray()) {
      return readArray(in, tag, c.getComponentType(), c.getComponentType(), depth, c);
    }
    if (c.isRecord()) {
      return readRecord(in, tag, c, depth);
    }
    throw new HookProtocolException("values of type " + c.getName() + " cannot cross the hook channel");
  }

  private static Object readArray(ByteBuffer in, byte tag, Type componentType, Class<?> component, int depth,
                                  Type type) throws HookProtocolException {
    int n = length(in, tag, LIST, 1, type);
    Object array = Array.newInstance(component, n);
    for (int i = 0; i < n; i++) {
      Array.set(array, i, read(in, componentType, depth + 1));
    }
    return array;
  }

  private static ParameterTree readTree(ByteBuffer in, byte tag, int depth) throws HookProtocolException {
    int n = length(in, tag, LIST, 1, ParameterTree.class);
    Map<String, ParameterTree.Tensor> tensors = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      int pair = length(in, in.get(), LIST, 1, ParameterTree.class);
      if (pair != 2) {
        throw new HookProtocolException("a ParameterTree entry must be a name and a tensor, got " + pair + " items");
      }
      String name = (String) read(in, String.class, depth + 2);
      ParameterTree.Tensor tensor = (ParameterTree.Tensor) read(in, ParameterTree.Tensor.class, depth + 2);
      if (name == null || tensor == null || tensors.put(name, tensor) != null) {
        throw new HookProtocolException("a ParameterTree with a missing or repeated name " + name);
      }
    }
    return new ParameterTree(tensors);
  }

  private static Object readRecord(ByteBuffer in, byte tag, Class<?> c, int depth) throws HookProtocolException {
    RecordComponent[] components = c.getRecordComponents();
    int n = length(in, tag, LIST, 1, c);
    if (n != components.length) {
      throw new HookProtocolException("a " + c.getSimpleName() + " has " + components.length + " fields, got " + n);
    }
    Object[] values = new Object[n];
    Class<?>[] types = new Class<?>[n];
    for (int i = 0; i < n; i++) {
      values[i] = read(in, components[i].getGenericType(), depth + 1);
      types[i] = components[i].getType();
    }
    try {
      Constructor<?> canonical = c.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      // The record's own checks refused the values (e.g. a tensor whose shape does not match its values).
      throw new HookProtocolException("not a valid " + c.getSimpleName() + ": " + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw new HookProtocolException("cannot build a " + c.getSimpleName() + ": " + e);
    }
  }

  private static int length(ByteBuffer in, byte tag, byte expected, int minBytesEach, Type type)
      throws HookProtocolException {
    expect(tag, expected, type);
    int n = in.getInt();
    if (n < 0 || (long) n * minBytesEach > in.remaining()) {
      throw new HookProtocolException("a " + name(type) + " of " + n + " elements in " + in.remaining()
          + " remaining bytes");
    }
    return n;
  }

  private static void expect(byte tag, byte expected, Type type) throws HookProtocolException {
    if (tag != expected) {
      throw new HookProtocolException("expected a " + name(type) + ", got value tag " + tag);
    }
  }

  /** Reads a string written by {@link #writeText}, refusing one longer than {@code maxBytes}. */
  public static String readText(ByteBuffer in, int maxBytes) throws HookProtocolException {
    int n = in.getInt();
    if (n < 0 || n > maxBytes || n > in.remaining()) {
      throw new HookProtocolException("text of " + n + " bytes in " + in.remaining() + " remaining bytes");
    }
    byte[] bytes = new byte[n];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof GenericArrayType g) {
      return Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
    }
    return Object.class;
  }

  private static String name(Type type) {
    return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
  }
}
