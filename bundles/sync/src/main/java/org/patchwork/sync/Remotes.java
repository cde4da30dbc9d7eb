package org.patchwork.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sync.internal.LocalProject;

/**
 * The remotes of one user, kept in {@code $PATCHWORK_HOME/remotes.json}:
 *
 * <pre>{@code
 * {"formatVersion": 1, "remotes": {
 *   "studio": {"url": "s3://songs/band", "endpoint": "http://nas:9000",
 *              "options": {"accessKey": "...", "secretKey": "..."}}}}
 * }</pre>
 *
 * <p>The file is read strictly: an unknown field or a bad value is refused with the file and
 * the JSON path, and nothing is changed. It is written atomically and readable only by its
 * owner where the file system allows, since options may hold credentials.
 */
@ProviderType
public final class Remotes {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> FIELDS = Set.of("url", "endpoint", "options");

  private final Path file;

  public Remotes(Path home) {
    this.file = home.resolve("remotes.json");
  }

  public Path file() {
    return file;
  }

  /** Every remote by name, sorted. */
  public Map<String, Remote> all() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Map.of();
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw bad("$", "must be an object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("formatVersion") && !f.equals("remotes")) {
        throw bad("$." + f, "unknown field");
      }
    }
    if (root.path("formatVersion").asInt(-1) != 1) {
      throw bad("$.formatVersion", "must be 1");
    }
    Map<String, Remote> out = new TreeMap<>();
    JsonNode remotes = root.path("remotes");
    if (!remotes.isObject()) {
      throw bad("$.remotes", "must be an object");
    }
    for (var e : remotes.properties()) {
      String at = "$.remotes." + e.getKey();
      JsonNode r = e.getValue();
      if (!r.isObject()) {
        throw bad(at, "must be an object");
      }
      r.fieldNames().forEachRemaining(f -> {
        if (!FIELDS.contains(f)) {
          throw bad(at + "." + f, "unknown field (known: url, endpoint, options)");
        }
      });
      Map<String, String> options = new LinkedHashMap<>();
      JsonNode o = r.path("options");
      if (!o.isMissingNode()) {
        if (!o.isObject()) {
          throw bad(at + ".options", "must be an object of strings");
        }
        for (var opt : o.properties()) {
          if (!opt.getValue().isTextual()) {
            throw bad(at + ".options." + opt.getKey(), "must be a string");
          }
          options.put(opt.getKey(), opt.getValue().asText());
        }
      }
      try {
        out.put(e.getKey(), new Remote(e.getKey(), uri(r.path("url"), at + ".url", true),
            uri(r.path("endpoint"), at + ".endpoint", false), options));
      } catch (IllegalArgumentException ex) {
        throw bad(at, ex.getMessage());
      }
    }
    return out;
  }

  /** The remote called {@code name}. */
  public Remote get(String name) throws IOException {
    Remote r = all().get(name);
    if (r == null) {
      throw new IllegalArgumentException("no remote named " + name + " (see 'patchwork remote list'; add one with "
          + "'patchwork remote add NAME URL')");
    }
    return r;
  }

  /** Adds or replaces a remote. */
  public void put(Remote remote) throws IOException {
    Map<String, Remote> all = new TreeMap<>(all());
    all.put(remote.name(), remote);
    write(all);
  }

  /** Removes a remote; false if there was none. */
  public boolean remove(String name) throws IOException {
    Map<String, Remote> all = new TreeMap<>(all());
    if (all.remove(name) == null) {
      return false;
    }
    write(all);
    return true;
  }

  private void write(Map<String, Remote> all) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", 1);
    ObjectNode remotes = root.putObject("remotes");
    for (Remote r : all.values()) {
      ObjectNode o = remotes.putObject(r.name());
      o.put("url", r.url().toString());
      if (r.endpoint() != null) {
        o.put("endpoint", r.endpoint().toString());
      }
      if (!r.options().isEmpty()) {
        ObjectNode opts = o.putObject("options");
        r.options().forEach(opts::put);
      }
    }
    LocalProject.writeAtomically(file, JSON.writeValueAsBytes(root));
    try {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own access rules apply
    }
  }

  private IllegalArgumentException bad(String path, String rule) {
    return new IllegalArgumentException(file + ": " + path + ": " + rule);
  }

  private static URI uri(JsonNode n, String at, boolean required) {
    if (n.isMissingNode() || n.isNull()) {
      if (required) {
        throw new IllegalArgumentException(at + ": missing");
      }
      return null;
    }
    if (!n.isTextual()) {
      throw new IllegalArgumentException(at + ": must be a URL string");
    }
    try {
      return new URI(n.asText());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(at + ": not a URL: " + e.getMessage());
    }
  }
}
