package org.ethoslab.hooks.channel;

import static org.ethoslab.hooks.channel.HookValues.BOOLEAN;
import static org.ethoslab.hooks.channel.HookValues.BOOLEANS;
import static org.ethoslab.hooks.channel.HookValues.DOUBLE;
import static org.ethoslab.hooks.channel.HookValues.DOUBLES;
import static org.ethoslab.hooks.channel.HookValues.FLOAT;
import static org.ethoslab.hooks.channel.HookValues.FLOATS;
import static org.ethoslab.hooks.channel.HookValues.INT;
import static org.ethoslab.hooks.channel.HookValues.INTS;
import static org.ethoslab.hooks.channel.HookValues.LIST;
import static org.ethoslab.hooks.channel.HookValues.LONG;
import static org.ethoslab.hooks.channel.HookValues.LONGS;
import static org.ethoslab.hooks.channel.HookValues.MAX_DEPTH;
import static org.ethoslab.hooks.channel.HookValues.NULL;
import static org.ethoslab.hooks.channel.HookValues.TEXT;

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
 * Reads the values {@link HookValues} writes, driven by the type the reader expects. Every length is checked against
 * the bytes that are left, so a forged frame can make the reader refuse it but never allocate more than it holds.
 */
final class HookValueReader {

  private HookValueReader() {
  }

  static Object read(ByteBuffer in, Type type) throws HookProtocolException {
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

  /** Reads a string written by {@link HookValues#writeText}, refusing one longer than {@code maxBytes}. */
  static String readText(ByteBuffer in, int maxBytes) throws HookProtocolException {
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
