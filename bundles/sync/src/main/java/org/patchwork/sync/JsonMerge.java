package org.patchwork.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Three-way merge of project JSON against the common ancestor, aware of what each part of a
 * project is (the rules per section are in {@code docs/cloud-sync.md}):
 *
 * <ul>
 *   <li>objects merge key by key, so two people turning different knobs both win;
 *   <li>lists of things with an identity merge by that identity ({@code nodes}, {@code tracks},
 *       {@code buses}, {@code samples} by {@code id}; {@code connections} by {@code from → to};
 *       {@code automation} by {@code node.parameter}; sends by {@code bus}; song automation by
 *       {@code param} and its points by {@code line}; pattern lines by {@code line});
 *   <li>lists addressed by position merge index by index ({@code song.patterns},
 *       {@code song.tracks}, {@code song.instruments}, the tracks of a pattern, note and effect
 *       columns, {@code song.order}); a grown or shrunk tail is one value;
 *   <li>{@code notes} are a set: additions and removals from both sides are kept;
 *   <li>everything else (a chain, a groove, packed automation values) is one value.
 * </ul>
 *
 * <p>A value both sides changed differently is a {@link Conflict}; the result keeps ours.
 *
 * <pre>{@code
 * JsonMerge.Result r = JsonMerge.merge(base, ours, theirs);
 * if (!r.conflicts().isEmpty()) { ... keep theirs as a snapshot, show r.conflicts() ... }
 * }</pre>
 *
 * <p>Thread: any; stateless.
 */
@ProviderType
public final class JsonMerge {

  /** The merged tree and what could not be merged. */
  public record Result(JsonNode merged, List<Conflict> conflicts) {
  }

  private enum Kind { OBJECT, KEYED, INDEXED, SET, ATOMIC }

  private record Rule(Kind kind, Function<JsonNode, String> key, String label) {
  }

  private static final Comparator<JsonNode> NUMBERS = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  /** Rules by schema path: keys, with {@code []} for any element of an array. */
  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    keyed("$.nodes", "id");
    keyed("$.tracks", "id");
    keyed("$.buses", "id");
    keyed("$.samples", "id");
    keyed("$.tracks[].sends", "bus");
    keyed("$.lockfile", "module");
    RULES.put("$.connections", new Rule(Kind.KEYED, n -> text(n, "from") + " -> " + text(n, "to"), "from->to"));
    RULES.put("$.automation", new Rule(Kind.KEYED, n -> text(n, "node") + "." + text(n, "parameter"), "lane"));
    RULES.put("$.notes", new Rule(Kind.SET, null, null));
    indexed("$.song.patterns");
    indexed("$.song.patterns[].tracks");
    keyed("$.song.patterns[].tracks[]", "line");
    indexed("$.song.patterns[].tracks[][].notes");
    indexed("$.song.patterns[].tracks[][].effects");
    indexed("$.song.tracks");
    indexed("$.song.instruments");
    indexed("$.song.order");
    keyed("$.song.automation", "param");
    keyed("$.song.automation[].points", "line");
  }

  private static void keyed(String path, String field) {
    RULES.put(path, new Rule(Kind.KEYED, n -> text(n, field), field));
  }

  private static void indexed(String path) {
    RULES.put(path, new Rule(Kind.INDEXED, null, null));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private final List<Conflict> conflicts = new ArrayList<>();

  private JsonMerge() {
  }

  /**
   * Merges {@code ours} and {@code theirs}, both descended from {@code base} (null: no common
   * ancestor known, so every difference is a conflict unless one side lacks the part).
   */
  public static Result merge(JsonNode base, JsonNode ours, JsonNode theirs) {
    JsonMerge m = new JsonMerge();
    JsonNode merged = m.value(base, ours, theirs, "$", "$");
    return new Result(merged, List.copyOf(m.conflicts));
  }

  /** Whether two trees are equal, numbers compared by value ({@code 1} equals {@code 1.0}). */
  public static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.equals(NUMBERS, b);
  }

  /** Merges one value; null stands for "absent". */
  private JsonNode value(JsonNode b, JsonNode o, JsonNode t, String path, String schema) {
    if (same(o, t)) {
      return o;
    }
    if (same(o, b)) {
      return t;
    }
    if (same(t, b)) {
      return o;
    }
    if (o == null || t == null) {
      return conflict(path, b, o, t); // changed on one side, deleted on the other
    }
    Rule rule = rule(schema, o, t);
    return switch (rule.kind()) {
      case OBJECT -> object(b instanceof ObjectNode bo ? bo : null, (ObjectNode) o, (ObjectNode) t, path, schema);
      case KEYED -> keyedArray(arr(b), (ArrayNode) o, (ArrayNode) t, path, schema, rule);
      case INDEXED -> indexedArray(arr(b), (ArrayNode) o, (ArrayNode) t, path, schema);
      case SET -> setArray(arr(b), (ArrayNode) o, (ArrayNode) t);
      case ATOMIC -> conflict(path, b, o, t);
    };
  }

  private Rule rule(String schema, JsonNode o, JsonNode t) {
    if (o.isObject() && t.isObject()) {
      return new Rule(Kind.OBJECT, null, null);
    }
    if (!o.isArray() || !t.isArray()) {
      return new Rule(Kind.ATOMIC, null, null);
    }
    Rule r = RULES.get(schema);
    if (r == null && allHave((ArrayNode) o, "id") && allHave((ArrayNode) t, "id")) {
      r = new Rule(Kind.KEYED, n -> text(n, "id"), "id"); // unknown sections: things with ids
    }
    if (r == null) {
      return new Rule(Kind.ATOMIC, null, null);
    }
    if (r.kind() == Kind.KEYED && !(uniqueKeys((ArrayNode) o, r) && uniqueKeys((ArrayNode) t, r))) {
      return new Rule(Kind.ATOMIC, null, null); // broken identities: do not guess
    }
    return r;
  }

  private static ArrayNode arr(JsonNode n) {
    return n instanceof ArrayNode a ? a : null;
  }

  private static boolean allHave(ArrayNode a, String field) {
    for (JsonNode e : a) {
      if (!e.isObject() || text(e, field) == null) {
        return false;
      }
    }
    return !a.isEmpty();
  }

  private static boolean uniqueKeys(ArrayNode a, Rule r) {
    Set<String> seen = new java.util.HashSet<>();
    for (JsonNode e : a) {
      String k = e.isObject() ? r.key().apply(e) : null;
      if (k == null || !seen.add(k)) {
        return false;
      }
    }
    return true;
  }

  private JsonNode conflict(String path, JsonNode b, JsonNode o, JsonNode t) {
    conflicts.add(new Conflict(path, b, o, t));
    return o;
  }

  private ObjectNode object(ObjectNode b, ObjectNode o, ObjectNode t, String path, String schema) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Set<String> names = new LinkedHashSet<>();
    o.fieldNames().forEachRemaining(names::add);
    t.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode v = value(b == null ? null : b.get(name), o.get(name), t.get(name), path + "." + name,
          schema + "." + name);
      if (v != null) {
        out.set(name, v);
      }
    }
    return out;
  }

  private JsonNode keyedArray(ArrayNode b, ArrayNode o, ArrayNode t, String path, String schema, Rule rule) {
    Map<String, JsonNode> bm = b != null && uniqueKeys(b, rule) ? byKey(b, rule) : Map.of();
    Map<String, JsonNode> om = byKey(o, rule);
    Map<String, JsonNode> tm = byKey(t, rule);
    // Order: ours, with theirs' new entries placed after the entry that precedes them there.
    List<String> order = new ArrayList<>(om.keySet());
    String previous = null;
    for (String k : tm.keySet()) {
      if (!order.contains(k) && !bm.containsKey(k)) {
        int at = previous == null ? 0 : order.indexOf(previous) + 1;
        order.add(at, k);
      }
      if (order.contains(k)) {
        previous = k;
      }
    }
    for (String k : bm.keySet()) {
      if (!order.contains(k) && tm.containsKey(k)) {
        order.add(k); // deleted by us, changed by them: decided below
      }
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (String k : order) {
      JsonNode v = value(bm.get(k), om.get(k), tm.get(k), path + "[" + rule.label() + "=" + k + "]", schema + "[]");
      if (v != null) {
        out.add(v);
      }
    }
    if ("line".equals(rule.label())) {
      sortByLine(out);
    }
    return out;
  }

  /** Lines and points are kept in increasing position, as the sequencer requires. */
  private static void sortByLine(ArrayNode a) {
    if (!allHave(a, "line")) {
      return;
    }
    List<JsonNode> items = new ArrayList<>();
    a.forEach(items::add);
    items.sort(Comparator.comparing(n -> n.get("line").decimalValue()));
    a.removeAll();
    a.addAll(items);
  }

  private static Map<String, JsonNode> byKey(ArrayNode a, Rule rule) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    a.forEach(e -> m.put(rule.key().apply(e), e));
    return m;
  }

  private JsonNode indexedArray(ArrayNode b, ArrayNode o, ArrayNode t, String path, String schema) {
    int bn = b == null ? 0 : b.size();
    int common = Math.min(Math.min(o.size(), t.size()), b == null ? Math.min(o.size(), t.size()) : bn);
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < common; i++) {
      JsonNode v = value(b == null ? null : b.get(i), o.get(i), t.get(i), path + "[" + i + "]", schema + "[]");
      out.add(v == null ? JsonNodeFactory.instance.nullNode() : v);
    }
    JsonNode tail = value(b == null ? null : tail(b, common), tail(o, common), tail(t, common),
        path + "[" + common + ":]", schema + "[tail]");
    if (tail != null) {
      tail.forEach(out::add);
    }
    return out;
  }

  private static ArrayNode tail(ArrayNode a, int from) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (int i = from; i < a.size(); i++) {
      out.add(a.get(i));
    }
    return out;
  }

  private static JsonNode setArray(ArrayNode b, ArrayNode o, ArrayNode t) {
    List<JsonNode> base = new ArrayList<>();
    if (b != null) {
      b.forEach(base::add);
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    o.forEach(out::add);
    for (JsonNode e : t) {
      if (!contains(o, e) && !contains(base, e)) {
        out.add(e); // added by them
      }
    }
    // Removed by them (present in base and ours, gone from theirs).
    for (int i = out.size() - 1; i >= 0; i--) {
      JsonNode e = out.get(i);
      if (contains(base, e) && !contains(t, e)) {
        out.remove(i);
      }
    }
    return out;
  }

  private static boolean contains(Iterable<JsonNode> items, JsonNode e) {
    for (JsonNode i : items) {
      if (same(i, e)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "JsonMerge" + Objects.toString(conflicts);
  }
}
