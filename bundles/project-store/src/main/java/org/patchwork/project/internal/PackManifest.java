package org.patchwork.project.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.patchwork.project.ProjectFormatException;

/**
 * {@code manifest.json} of a pack: its kind and, per entry, the size and SHA-256.
 *
 * <pre>{@code
 * {"formatVersion": 1, "kind": "project",
 *  "entries": [{"path": "project.json", "size": 812, "sha256": "9f2c..."}]}
 * }</pre>
 */
public final class PackManifest {

  /** The manifest's own format version. */
  public static final int VERSION = 1;

  /** Its name inside the archive. */
  public static final String NAME = "manifest.json";

  /** One listed entry. */
  public record Item(long size, String sha256) {
  }

  private PackManifest() {
  }

  /** The manifest's bytes. */
  public static byte[] write(String kind, Map<String, Item> entries) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("formatVersion", VERSION);
    root.put("kind", kind);
    ArrayNode list = root.putArray("entries");
    entries.forEach((path, item) -> list.addObject().put("path", path).put("size", item.size())
        .put("sha256", item.sha256()));
    return Json.write(root);
  }

  /** Reads and checks a manifest of {@code kind}; the map keeps the listed order. */
  public static Map<String, Item> read(String source, byte[] bytes, String kind) {
    String where = source + " " + NAME;
    ObjectNode root = Json.readObject(where, bytes, "a pack manifest");
    JsonNode v = root.get("formatVersion");
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new ProjectFormatException(where, "$.formatVersion", "missing or not a whole number");
    }
    if (v.intValue() > VERSION) {
      throw new ProjectFormatException(where, "$.formatVersion", "format version " + v.intValue()
          + " is newer than this Patchwork reads (up to " + VERSION + "): update Patchwork to open it");
    }
    if (v.intValue() < 1) {
      throw new ProjectFormatException(where, "$.formatVersion", "must be at least 1 (found " + v.intValue() + ")");
    }
    JsonNode k = root.get("kind");
    if (k == null || !k.isTextual() || !k.textValue().equals(kind)) {
      throw new ProjectFormatException(where, "$.kind", "this is not a " + kind + " pack (kind "
          + (k == null ? "missing" : k.toString()) + ")");
    }
    JsonNode list = root.get("entries");
    if (list == null || !list.isArray()) {
      throw new ProjectFormatException(where, "$.entries", "missing or not an array");
    }
    for (Map.Entry<String, JsonNode> f : root.properties()) {
      if (!f.getKey().equals("formatVersion") && !f.getKey().equals("kind") && !f.getKey().equals("entries")) {
        throw new ProjectFormatException(where, "$." + f.getKey(), "unknown field");
      }
    }
    Map<String, Item> out = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String p = "$.entries[" + i + "]";
      JsonNode e = list.get(i);
      if (!e.isObject() || e.size() != 3 || !e.path("path").isTextual() || !e.path("size").canConvertToLong()
          || !e.path("size").isIntegralNumber() || e.path("size").longValue() < 0
          || !Hashes.isSha256(e.path("sha256").textValue())) {
        throw new ProjectFormatException(where, p, "must be {path, size, sha256} with a size of 0 or more and a "
            + "lowercase hex SHA-256");
      }
      if (out.put(e.get("path").textValue(), new Item(e.get("size").longValue(), e.get("sha256").textValue())) != null) {
        throw new ProjectFormatException(where, p + ".path", "listed twice");
      }
    }
    return out;
  }
}
