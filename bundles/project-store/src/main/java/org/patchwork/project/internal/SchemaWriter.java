package org.patchwork.project.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.patchwork.project.Field;
import org.patchwork.project.ProjectFormat;
import org.patchwork.project.ProjectModel;

/**
 * Derives the JSON Schema (draft 2020-12) of {@code project.json} from the model records and
 * their {@link Field} annotations. The build runs {@link #main} to write
 * {@code docs/schema/project.schema.json}; the loader validates against the same tree.
 */
public final class SchemaWriter {

  /** The dialect. */
  public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode defs = NODES.objectNode();

  private SchemaWriter() {
  }

  /** Writes the schema to the file named by the first argument, if it differs. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    byte[] schema = Json.write(schema());
    if (!Files.exists(out) || !Arrays.equals(Files.readAllBytes(out), schema)) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.write(out, schema);
    }
  }

  /** The schema of the current format version. */
  public static ObjectNode schema() {
    SchemaWriter w = new SchemaWriter();
    ObjectNode root = NODES.objectNode();
    root.put("$schema", DRAFT);
    root.put("$id", "urn:patchwork:project:" + ProjectFormat.CURRENT_VERSION);
    root.put("title", "Patchwork project");
    root.put("description", "project.json, format version " + ProjectFormat.CURRENT_VERSION
        + ". Generated from the model in bundles/project-store; do not edit.");
    ObjectNode body = w.record(ProjectModel.class);
    ObjectNode props = NODES.objectNode();
    ObjectNode version = props.putObject("formatVersion");
    version.put("description", "The format version; older ones are migrated when read.");
    version.put("const", ProjectFormat.CURRENT_VERSION);
    props.setAll((ObjectNode) body.get("properties"));
    body.set("properties", props);
    ((ArrayNode) body.get("required")).insert(0, "formatVersion");
    root.setAll(body);
    root.set("$defs", w.defs);
    return root;
  }

  private ObjectNode record(Class<?> type) {
    ObjectNode o = NODES.objectNode();
    o.put("type", "object");
    ObjectNode props = o.putObject("properties");
    ArrayNode required = o.putArray("required");
    for (RecordComponent c : type.getRecordComponents()) {
      Field f = c.getAnnotation(Field.class);
      if (f == null) {
        throw new IllegalStateException(type.getSimpleName() + "." + c.getName() + " has no @Field");
      }
      props.set(c.getName(), type(c.getGenericType(), c.getAnnotatedType(), f));
      if (!f.optional()) {
        required.add(c.getName());
      }
    }
    o.put("additionalProperties", false);
    return o;
  }

  private ObjectNode ref(Class<?> type) {
    String name = type.getSimpleName();
    if (!defs.has(name)) {
      defs.putObject(name);
      defs.set(name, record(type));
    }
    ObjectNode r = NODES.objectNode();
    r.put("$ref", "#/$defs/" + name);
    return r;
  }

  private ObjectNode type(Type type, AnnotatedType annotated, Field f) {
    Class<?> raw = ModelCodec.rawClass(type);
    ObjectNode s;
    if (JsonNode.class.isAssignableFrom(raw)) {
      s = NODES.objectNode().put("type", "object");
    } else if (raw.isRecord()) {
      s = ref(raw);
    } else if (raw == List.class) {
      s = NODES.objectNode().put("type", "array");
      AnnotatedType item = ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[0];
      Field itemField = item.getAnnotation(Field.class);
      s.set("items", type(ModelCodec.typeArgument(type, 0), item, itemField));
      return describe(s, f, false);
    } else if (raw == Map.class) {
      s = NODES.objectNode().put("type", "object");
      AnnotatedType item = ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[1];
      s.set("additionalProperties", type(ModelCodec.typeArgument(type, 1), item, item.getAnnotation(Field.class)));
    } else if (raw == float[].class) {
      s = NODES.objectNode();
      ArrayNode one = s.putArray("oneOf");
      one.addObject().put("type", "array").putObject("items").put("type", "number");
      one.addObject().put("type", "string").put("contentEncoding", "base64")
          .put("description", "Deflated (zlib) little-endian 32-bit floats.");
    } else if (raw == String.class) {
      s = NODES.objectNode().put("type", "string");
      if (f != null && !f.pattern().isEmpty()) {
        s.put("pattern", f.pattern());
      }
    } else if (raw == boolean.class || raw == Boolean.class) {
      s = NODES.objectNode().put("type", "boolean");
    } else if (raw.isEnum()) {
      s = NODES.objectNode().put("type", "string");
      ArrayNode values = s.putArray("enum");
      for (Object c : raw.getEnumConstants()) {
        values.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
      }
    } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      s = NODES.objectNode().put("type", "integer");
      return describe(s, f, true);
    } else if (raw == double.class || raw == Double.class) {
      s = NODES.objectNode().put("type", "number");
      return describe(s, f, true);
    } else {
      throw new IllegalStateException("no schema for " + type);
    }
    return describe(s, f, false);
  }

  private static ObjectNode describe(ObjectNode s, Field f, boolean numeric) {
    if (f == null) {
      return s;
    }
    ObjectNode out = NODES.objectNode().put("description", f.doc());
    if (numeric) {
      if (f.min() != Double.NEGATIVE_INFINITY) {
        out.set(f.exclusiveMin() ? "exclusiveMinimum" : "minimum", number(f.min()));
      }
      if (f.max() != Double.POSITIVE_INFINITY) {
        out.set("maximum", number(f.max()));
      }
    }
    for (Map.Entry<String, JsonNode> e : s.properties()) {
      out.set(e.getKey(), e.getValue());
    }
    return out;
  }

  private static JsonNode number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? NODES.numberNode((long) v) : NODES.numberNode(v);
  }
}
