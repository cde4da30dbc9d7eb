package org.patchwork.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;

/**
 * A module descriptor as committed JSON, and the changes to it that would break saved projects.
 * The text is written by hand in a fixed order (ports and parameters in declaration order, sets
 * sorted), so regenerating an unchanged descriptor gives the same bytes and a review diff
 * shows only what changed. The reader tolerates members it does not know and missing optional
 * ones; it needs only the ids.
 */
public final class Snapshot {

  private Snapshot() {
  }

  /** The snapshot text of {@code d}, ending with a newline. */
  public static String write(ModuleDescriptor d) {
    StringBuilder b = new StringBuilder();
    b.append("{\n");
    b.append("  \"id\": ").append(Json.quote(d.id())).append(",\n");
    b.append("  \"name\": ").append(Json.quote(d.name())).append(",\n");
    b.append("  \"kind\": ").append(Json.quote(d.kind().name())).append(",\n");
    b.append("  \"tags\": ").append(strings(new TreeSet<>(d.tags()))).append(",\n");
    b.append("  \"ports\": [");
    for (int i = 0; i < d.ports().size(); i++) {
      PortDescriptor p = d.ports().get(i);
      b.append(i == 0 ? "\n" : ",\n");
      b.append("    {\"id\": ").append(Json.quote(p.id()))
          .append(", \"type\": ").append(Json.quote(p.type().name()))
          .append(", \"direction\": ").append(Json.quote(p.direction().name()))
          .append(", \"channels\": ").append(p.channels()).append('}');
    }
    b.append(d.ports().isEmpty() ? "],\n" : "\n  ],\n");
    b.append("  \"parameters\": [");
    for (int i = 0; i < d.parameters().size(); i++) {
      ParameterDescriptor p = d.parameters().get(i);
      b.append(i == 0 ? "\n" : ",\n");
      b.append("    {\"id\": ").append(Json.quote(p.id()))
          .append(", \"name\": ").append(Json.quote(p.name()))
          .append(", \"range\": ").append(Json.quote(range(p)))
          .append(", \"min\": ").append(Json.number(p.min()))
          .append(", \"max\": ").append(Json.number(p.max()))
          .append(", \"default\": ").append(Json.number(p.defaultValue()))
          .append(", \"unit\": ").append(Json.quote(p.unit()));
      TreeSet<String> flags = new TreeSet<>();
      p.flags().forEach(f -> flags.add(f.name()));
      b.append(", \"flags\": ").append(strings(flags));
      if (!p.valueNames().isEmpty()) {
        b.append(", \"values\": ").append(strings(p.valueNames()));
      }
      b.append('}');
    }
    b.append(d.parameters().isEmpty() ? "]\n" : "\n  ]\n");
    return b.append("}\n").toString();
  }

  /** "stepped" (whole values: choices, counts) or "continuous": what a saved value means. */
  static String range(ParameterDescriptor p) {
    return p.has(ParameterFlag.STEPPED) ? "stepped" : "continuous";
  }

  /**
   * Every change from {@code snapshotText} to {@code now} that breaks what saved projects refer
   * to: a port or parameter id gone, a retired parameter back in use, a parameter whose range
   * type, unit or choice names changed, a port whose type or direction changed, the kind changed.
   *
   * @throws IllegalArgumentException if the text is not a snapshot
   */
  public static List<String> breaks(String snapshotText, ModuleDescriptor now) {
    Map<String, Object> old = object(Json.parse(snapshotText), "the snapshot");
    List<String> found = new ArrayList<>();
    Object kind = old.get("kind");
    if (kind instanceof String k && !k.equals(now.kind().name())) {
      found.add("kind was " + k + ", now " + now.kind() + ": the kind must not change");
    }
    for (Object o : list(old.get("ports"), "ports")) {
      Map<String, Object> port = object(o, "a port");
      String id = id(port, "a port");
      int index = now.portIndex(id);
      if (index < 0) {
        found.add("port '" + id + "' is gone: port ids must stay (saved cables refer to them)");
        continue;
      }
      PortDescriptor p = now.ports().get(index);
      String was = port.get("type") + " " + port.get("direction");
      if (port.get("type") instanceof String && port.get("direction") instanceof String
          && !was.equals(p.type() + " " + p.direction())) {
        found.add("port '" + id + "' changed meaning: was " + was + ", now " + p.type() + " " + p.direction());
      }
    }
    for (Object o : list(old.get("parameters"), "parameters")) {
      Map<String, Object> parameter = object(o, "a parameter");
      String id = id(parameter, "a parameter");
      int index = now.parameterIndex(id);
      if (index < 0) {
        found.add("parameter '" + id + "' is gone: keep it in the list flagged ParameterFlag.REMOVED"
            + " (saved projects refer to it)");
        continue;
      }
      ParameterDescriptor p = now.parameters().get(index);
      boolean retired = parameter.get("flags") instanceof List<?> flags && flags.contains("REMOVED");
      if (retired && !p.has(ParameterFlag.REMOVED)) {
        found.add("parameter '" + id + "' was retired (REMOVED) and is in use again: ids are never reused");
      }
      if (retired || p.has(ParameterFlag.REMOVED)) {
        continue;
      }
      meaning(id, parameter, p, found);
    }
    return found;
  }

  private static void meaning(String id, Map<String, Object> old, ParameterDescriptor p, List<String> found) {
    String changed = "parameter '" + id + "' changed meaning: ";
    if (old.get("range") instanceof String r && !r.equals(range(p))) {
      found.add(changed + "range was " + r + ", now " + range(p));
      return; // its choices have no meaning left to compare
    }
    if (old.get("unit") instanceof String u && !u.equals(p.unit())) {
      found.add(changed + "unit was '" + u + "', now '" + p.unit() + "'");
    }
    if (old.get("values") instanceof List<?> values) {
      for (int v = 0; v < values.size(); v++) {
        // A saved project stores the index: the name at an index is what it means.
        int value = (int) p.min() + v;
        String then = String.valueOf(values.get(v));
        if (v >= p.valueNames().size()) {
          found.add(changed + "value " + value + " ('" + then + "') is gone");
        } else if (!then.equals(p.valueNames().get(v))) {
          found.add(changed + "value " + value + " was '" + then + "', now '" + p.valueNames().get(v) + "'");
        }
      }
    }
  }

  private static String strings(Iterable<String> values) {
    StringBuilder b = new StringBuilder("[");
    for (String v : values) {
      b.append(b.length() > 1 ? ", " : "").append(Json.quote(v));
    }
    return b.append(']').toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object o, String what) {
    if (o instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException(what + " must be a JSON object");
  }

  private static List<?> list(Object o, String member) {
    if (o == null) {
      return List.of();
    }
    if (o instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException("\"" + member + "\" must be a JSON array");
  }

  private static String id(Map<String, Object> o, String what) {
    if (o.get("id") instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(what + " without a string \"id\"");
  }
}
