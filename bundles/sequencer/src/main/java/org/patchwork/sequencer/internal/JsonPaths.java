package org.patchwork.sequencer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.patchwork.engine.ProjectFormatException;

/**
 * Typed, strict access to a Jackson tree with JSON paths in every complaint, in the manner of the
 * engine's project reader: unknown fields, wrong types and out-of-range values are refused with
 * one line naming the source, the path and the rule.
 */
class JsonPaths {

  private final String source;

  JsonPaths(String source) {
    this.source = source;
  }

  interface Item<T> {
    T read(JsonNode node, String path);
  }

  ProjectFormatException error(String path, String message) {
    return new ProjectFormatException(source, path, message);
  }

  JsonNode object(JsonNode n, String path) {
    if (n == null || !n.isObject()) {
      throw error(path, "must be an object");
    }
    return n;
  }

  void fields(JsonNode n, String path, String... allowed) {
    object(n, path);
    List<String> known = List.of(allowed);
    for (Map.Entry<String, JsonNode> field : n.properties()) {
      if (!known.contains(field.getKey())) {
        throw error(path + "." + field.getKey(), "unknown field (expected " + String.join(", ", known) + ")");
      }
    }
  }

  <T> List<T> list(JsonNode parent, String field, String path, boolean required, Item<T> item) {
    String p = path + "." + field;
    JsonNode n = parent.get(field);
    if (n == null) {
      if (required) {
        throw error(p, "missing");
      }
      return List.of();
    }
    return array(n, p, item);
  }

  <T> List<T> array(JsonNode n, String p, Item<T> item) {
    if (!n.isArray()) {
      throw error(p, "must be an array");
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      out.add(item.read(n.get(i), p + "[" + i + "]"));
    }
    return out;
  }

  String string(JsonNode parent, String field, String path) {
    JsonNode n = required(parent, field, path);
    if (!n.isTextual() || n.textValue().isBlank()) {
      throw error(path + "." + field, "must be a non-empty string");
    }
    return n.textValue();
  }

  String optionalString(JsonNode parent, String field, String path, String fallback) {
    return parent.has(field) ? string(parent, field, path) : fallback;
  }

  boolean bool(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n == null) {
      return false;
    }
    if (!n.isBoolean()) {
      throw error(path + "." + field, "must be true or false");
    }
    return n.booleanValue();
  }

  int integer(JsonNode parent, String field, String path, int min, int max) {
    return integer(required(parent, field, path), path + "." + field, min, max);
  }

  int optionalInteger(JsonNode parent, String field, String path, int min, int max, int fallback) {
    return parent.has(field) ? integer(parent, field, path, min, max) : fallback;
  }

  int integer(JsonNode n, String path, int min, int max) {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw error(path, "must be a whole number");
    }
    int v = n.intValue();
    if (v < min || v > max) {
      throw error(path, "must be within " + min + ".." + max + ": " + v);
    }
    return v;
  }

  long longValue(JsonNode parent, String field, String path) {
    JsonNode n = required(parent, field, path);
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw error(path + "." + field, "must be a whole number");
    }
    return n.longValue();
  }

  /** A number as written, exactly. */
  BigDecimal decimal(JsonNode n, String path, String min, String max) {
    if (!n.isNumber()) {
      throw error(path, "must be a number");
    }
    BigDecimal v = n.decimalValue();
    if (v.compareTo(new BigDecimal(min)) < 0 || v.compareTo(new BigDecimal(max)) > 0) {
      throw error(path, "must be within " + min + ".." + max + ": " + v.toPlainString());
    }
    return v;
  }

  double number(JsonNode parent, String field, String path) {
    JsonNode n = required(parent, field, path);
    if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
      throw error(path + "." + field, "must be a finite number");
    }
    return n.doubleValue();
  }

  double optionalNumber(JsonNode parent, String field, String path, double fallback) {
    return parent.has(field) ? number(parent, field, path) : fallback;
  }

  JsonNode required(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      throw error(path + "." + field, "missing");
    }
    return n;
  }
}
