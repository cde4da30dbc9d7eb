package org.patchwork.project.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.patchwork.project.Field;
import org.patchwork.project.ProjectFormatException;

/**
 * Turns model records into JSON trees and back by walking their components, the same walk
 * {@link SchemaWriter} makes, so the file, the reader and the schema share one definition.
 * Supported component types: String, int, long, double, boolean (and boxes), enums (lower-case
 * names), records, {@code List<T>}, {@code Map<String, Double>}, {@code float[]} (packed or
 * plain, see {@link FloatPacking}) and {@code JsonNode} (kept as it is).
 *
 * <p>The reader expects a tree the schema has accepted, but never trusts it: whatever it finds
 * that does not fit becomes a {@link ProjectFormatException} with the JSON path.
 */
public final class ModelCodec {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String source;

  /** A codec naming {@code source} in its messages. */
  public ModelCodec(String source) {
    this.source = source;
  }

  // ---- writing ----

  /** The JSON of {@code value}, of declared type {@code type}. */
  public static JsonNode write(Object value, Type type, boolean packFloats) {
    Class<?> raw = rawClass(type);
    if (value instanceof JsonNode n) {
      return n.deepCopy();
    }
    if (raw.isRecord()) {
      ObjectNode o = NODES.objectNode();
      for (RecordComponent c : raw.getRecordComponents()) {
        Object v = get(c, value);
        if (v != null) {
          o.set(c.getName(), write(v, c.getGenericType(), packFloats));
        }
      }
      return o;
    }
    if (value instanceof List<?> list) {
      ArrayNode a = NODES.arrayNode();
      Type item = typeArgument(type, 0);
      for (Object v : list) {
        a.add(write(v, item, packFloats));
      }
      return a;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode o = NODES.objectNode();
      Type item = typeArgument(type, 1);
      map.forEach((k, v) -> o.set((String) k, write(v, item, packFloats)));
      return o;
    }
    if (value instanceof float[] f) {
      if (packFloats) {
        return NODES.textNode(FloatPacking.pack(f));
      }
      ArrayNode a = NODES.arrayNode();
      for (float x : f) {
        a.add(x);
      }
      return a;
    }
    return switch (value) {
      case String s -> NODES.textNode(s);
      case Integer i -> NODES.numberNode(i);
      case Long l -> NODES.numberNode(l);
      case Double d -> NODES.numberNode(d);
      case Boolean b -> NODES.booleanNode(b);
      case Enum<?> e -> NODES.textNode(e.name().toLowerCase(Locale.ROOT));
      default -> throw new IllegalArgumentException("no JSON form for " + value.getClass());
    };
  }

  private static Object get(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c, e);
    }
  }

  // ---- reading ----

  /** Reads a record of class {@code type} from {@code n}, found at JSON path {@code path}. */
  public <T> T readRecord(JsonNode n, Class<T> type, String path, String... ignored) {
    if (!n.isObject()) {
      throw error(path, "must be an object");
    }
    RecordComponent[] components = type.getRecordComponents();
    List<String> known = new ArrayList<>(List.of(ignored));
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      known.add(c.getName());
      types[i] = c.getType();
      String p = path + "." + c.getName();
      JsonNode v = n.get(c.getName());
      Field field = c.getAnnotation(Field.class);
      boolean optional = field != null && field.optional();
      if (v == null || v.isNull()) {
        if (!optional) {
          throw error(p, "missing");
        }
        args[i] = absent(c.getType());
      } else {
        args[i] = read(v, c.getGenericType(), p);
      }
    }
    for (Map.Entry<String, JsonNode> f : n.properties()) {
      if (!known.contains(f.getKey())) {
        throw error(path + "." + f.getKey(), "unknown field (expected " + String.join(", ", known) + ")");
      }
    }
    try {
      Constructor<T> ctor = type.getDeclaredConstructor(types);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw error(path, cause.getMessage() == null ? cause.toString() : cause.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type, e);
    }
  }

  private static Object absent(Class<?> type) {
    if (type == int.class) {
      return 0;
    } else if (type == long.class) {
      return 0L;
    } else if (type == double.class) {
      return 0.0;
    } else if (type == boolean.class) {
      return false;
    }
    return null;
  }

  private Object read(JsonNode n, Type type, String path) {
    Class<?> raw = rawClass(type);
    if (JsonNode.class.isAssignableFrom(raw)) {
      if (!n.isObject()) {
        throw error(path, "must be an object");
      }
      return n.deepCopy();
    }
    if (raw.isRecord()) {
      return readRecord(n, raw, path);
    }
    if (raw == List.class) {
      if (!n.isArray()) {
        throw error(path, "must be an array");
      }
      List<Object> out = new ArrayList<>(n.size());
      Type item = typeArgument(type, 0);
      for (int i = 0; i < n.size(); i++) {
        JsonNode v = n.get(i);
        if (v.isNull()) {
          throw error(path + "[" + i + "]", "must not be null");
        }
        out.add(read(v, item, path + "[" + i + "]"));
      }
      return out;
    }
    if (raw == Map.class) {
      if (!n.isObject()) {
        throw error(path, "must be an object");
      }
      Map<String, Object> out = new LinkedHashMap<>();
      Type item = typeArgument(type, 1);
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        out.put(e.getKey(), read(e.getValue(), item, path + "." + e.getKey()));
      }
      return out;
    }
    if (raw == float[].class) {
      return floats(n, path);
    }
    if (raw == String.class) {
      if (!n.isTextual()) {
        throw error(path, "must be a string");
      }
      return n.textValue();
    }
    if (raw == boolean.class || raw == Boolean.class) {
      if (!n.isBoolean()) {
        throw error(path, "must be true or false");
      }
      return n.booleanValue();
    }
    if (raw.isEnum()) {
      if (n.isTextual()) {
        for (Object c : raw.getEnumConstants()) {
          if (((Enum<?>) c).name().toLowerCase(Locale.ROOT).equals(n.textValue())) {
            return c;
          }
        }
      }
      throw error(path, "must be one of " + names(raw));
    }
    if (raw == int.class || raw == Integer.class) {
      return (int) whole(n, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (raw == long.class || raw == Long.class) {
      return whole(n, path, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (raw == double.class || raw == Double.class) {
      double d = decimal(n, path).doubleValue();
      if (!Double.isFinite(d)) {
        throw error(path, "is too large");
      }
      // -1e-400 rounds to -0.0, which would be written as "-0.0" and read back as 0 (found by
      // fuzzing): JSON numbers have no negative zero, so neither does the model.
      return d == 0 ? 0.0 : d;
    }
    throw new IllegalStateException("no JSON form for " + type);
  }

  private float[] floats(JsonNode n, String path) {
    if (n.isTextual()) {
      try {
        return FloatPacking.unpack(n.textValue());
      } catch (IllegalArgumentException e) {
        throw error(path, e.getMessage());
      }
    }
    if (!n.isArray()) {
      throw error(path, "must be an array of numbers or a packed string");
    }
    if (n.size() > FloatPacking.MAX_VALUES) {
      throw error(path, "has more than " + FloatPacking.MAX_VALUES + " values");
    }
    float[] out = new float[n.size()];
    for (int i = 0; i < out.length; i++) {
      float f = decimal(n.get(i), path + "[" + i + "]").floatValue();
      if (!Float.isFinite(f)) {
        throw error(path + "[" + i + "]", "is too large for a 32-bit float");
      }
      out[i] = f == 0 ? 0f : f; // no negative zero, as for doubles
    }
    return out;
  }

  private BigDecimal decimal(JsonNode n, String path) {
    if (!n.isNumber()) {
      throw error(path, "must be a number");
    }
    return n.decimalValue();
  }

  private long whole(JsonNode n, String path, long min, long max) {
    BigDecimal d = decimal(n, path);
    if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
      throw error(path, "must be a whole number");
    }
    if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw error(path, "is out of range: " + d);
    }
    return d.longValue();
  }

  private static String names(Class<?> e) {
    List<String> out = new ArrayList<>();
    for (Object c : e.getEnumConstants()) {
      out.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
    }
    return String.join(", ", out);
  }

  static Class<?> rawClass(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalStateException("unsupported type " + t);
  }

  static Type typeArgument(Type t, int i) {
    return ((ParameterizedType) t).getActualTypeArguments()[i];
  }

  private ProjectFormatException error(String path, String reason) {
    return new ProjectFormatException(source, path, reason);
  }
}
