package org.patchwork.project.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.patchwork.project.ProjectFormatException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates a project tree against the generated schema with networknt's validator (draft
 * 2020-12) and turns the first problem into a {@link ProjectFormatException} with a JSON path
 * such as {@code $.tracks[0].gainDb}. The validator works on Jackson 3 trees; the tree is copied
 * node by node, so numbers keep their exact decimal value.
 */
public final class SchemaCheck {

  private static final JsonNodeFactory J3 = JsonNodeFactory.instance;

  private static final class Holder {
    static final Schema SCHEMA = load();
  }

  private SchemaCheck() {
  }

  private static Schema load() {
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .pathType(PathType.JSON_PATH)
        .locale(Locale.ENGLISH)
        .formatAssertionsEnabled(true)
        .build();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        b -> b.schemaRegistryConfig(config));
    String text = new String(Json.write(SchemaWriter.schema()), StandardCharsets.UTF_8);
    Schema schema = registry.getSchema(text, InputFormat.JSON);
    schema.initializeValidators();
    return schema;
  }

  /**
   * Checks {@code tree}.
   *
   * @throws ProjectFormatException naming {@code source}, the path and the first rule broken
   */
  public static void check(String source, JsonNode tree) {
    Map<tools.jackson.databind.JsonNode, String> clamped = new IdentityHashMap<>();
    List<Error> errors = Holder.SCHEMA.validate(convert(tree, 0, clamped));
    if (errors.isEmpty()) {
      return;
    }
    Error first = errors.stream()
        .min(Comparator.comparing((Error e) -> path(e.getInstanceLocation()).length())
            .thenComparing(e -> path(e.getInstanceLocation())))
        .orElseThrow();
    throw describe(source, first, clamped);
  }

  private static ProjectFormatException describe(String source, Error e,
      Map<tools.jackson.databind.JsonNode, String> clamped) {
    String path = path(e.getInstanceLocation());
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    String property = e.getProperty();
    if (property != null && (keyword.equals("required") || keyword.equals("additionalProperties"))) {
      String at = path + step(property);
      return new ProjectFormatException(source, at,
          keyword.equals("required") ? "missing" : "unknown field (the schema does not allow it)");
    }
    String message = e.getMessage() == null ? keyword : e.getMessage();
    if (keyword.equals("pattern") && e.getSchemaNode() != null && "\\S".equals(e.getSchemaNode().asString())) {
      message = "must not be empty or blank";
    } else if (keyword.equals("oneOf")) {
      message = "must be an array of numbers or a packed (base64) string";
    }
    if (message.startsWith(path + ": ")) {
      message = message.substring(path.length() + 2);
    }
    if (e.getInstanceNode() != null && e.getInstanceNode().isValueNode()) {
      String found = clamped.getOrDefault(e.getInstanceNode(), e.getInstanceNode().toString());
      message += " (found " + (found.length() > 60 ? found.substring(0, 60) + "..." : found) + ")";
    }
    return new ProjectFormatException(source, path, message);
  }

  /**
   * The JSON path of a node, built from its elements: the validator's own rendering throws on an
   * empty field name (found by fuzzing).
   */
  static String path(NodePath p) {
    StringBuilder out = new StringBuilder("$");
    for (int i = 0; i < p.getNameCount(); i++) {
      Object element = p.getElement(i);
      out.append(element instanceof Integer index ? "[" + index + "]" : step(String.valueOf(element)));
    }
    return out.toString();
  }

  private static String step(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + name
        : "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** Beyond this magnitude (2^62) a number is handed to the validator as exactly this big (see convert). */
  private static final BigDecimal HUGE = BigDecimal.valueOf(1L << 62);

  /**
   * Copies a Jackson 2 tree into Jackson 3. Numbers of magnitude 2^62 and more (JSON allows
   * 1e999999999) go in as a whole number of exactly 2^62 with their sign: the validator's
   * integer bounds call asLong on decimals, which fails for numbers beyond 2^63 (found by
   * fuzzing), and every bound in this schema is far below 2^62, so no verdict changes; the
   * message still shows the number as written.
   */
  private static tools.jackson.databind.JsonNode convert(JsonNode n, int depth,
      Map<tools.jackson.databind.JsonNode, String> clamped) {
    if (depth > Json.MAX_DEPTH + 1) {
      throw new IllegalStateException("tree deeper than the reader allows");
    }
    if (n.isObject()) {
      ObjectNode o = J3.objectNode();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        o.set(e.getKey(), convert(e.getValue(), depth + 1, clamped));
      }
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = J3.arrayNode();
      for (JsonNode item : n) {
        a.add(convert(item, depth + 1, clamped));
      }
      return a;
    }
    if (n.isTextual()) {
      return J3.stringNode(n.textValue());
    }
    if (n.isBoolean()) {
      return J3.booleanNode(n.booleanValue());
    }
    if (n.isNumber()) {
      BigDecimal v = n.decimalValue();
      if (v.abs().compareTo(HUGE) >= 0) {
        tools.jackson.databind.JsonNode big = J3.numberNode(v.signum() < 0 ? HUGE.negate().toBigInteger() : HUGE.toBigInteger());
        String text = n.toString();
        clamped.put(big, text.length() > 60 ? text.substring(0, 60) + "..." : text);
        return big;
      }
      return n.isIntegralNumber() ? J3.numberNode(n.bigIntegerValue()) : J3.numberNode(v);
    }
    return J3.nullNode();
  }
}
