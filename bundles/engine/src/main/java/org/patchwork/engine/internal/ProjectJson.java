package org.patchwork.engine.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchwork.engine.Bus;
import org.patchwork.engine.Connection;
import org.patchwork.engine.Graph;
import org.patchwork.engine.GraphException;
import org.patchwork.engine.Master;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Node;
import org.patchwork.engine.Note;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectFormatException;
import org.patchwork.engine.ProjectLoader;
import org.patchwork.engine.Send;
import org.patchwork.engine.Track;

/**
 * Reads the project format by walking Jackson's tree, so every complaint can name its JSON path.
 * Anything not understood (unknown field, wrong type, value out of range, duplicate key) is
 * rejected; the graph's own rules are checked by {@link GraphValidator}, whose paths follow the
 * same layout.
 */
public final class ProjectJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String source;
  private final ModuleRegistry registry;

  /** A reader naming its input {@code source} in messages. */
  public ProjectJson(String source, ModuleRegistry registry) {
    this.source = source;
    this.registry = registry;
  }

  /** Parses and checks a whole project. */
  public Project read(byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String what = e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("\\s*\\(for .*\\)$", "");
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new ProjectFormatException(source, null, "not valid JSON" + where + ": " + what);
    } catch (IOException e) {
      throw new ProjectFormatException(source, null, "cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw error("$", "a project must be a JSON object");
    }
    int version = integer(root, "formatVersion", "$", 0, Integer.MAX_VALUE);
    if (version < ProjectLoader.FORMAT_VERSION) {
      throw error("$.formatVersion", "format version " + version + " is older than this Patchwork plays"
          + " (" + ProjectLoader.FORMAT_VERSION + " to " + ProjectLoader.NEWEST_FORMAT_VERSION
          + "): run 'patchwork migrate' on the project first");
    }
    if (version > ProjectLoader.NEWEST_FORMAT_VERSION) {
      throw error("$.formatVersion", "unsupported format version " + version + " (this Patchwork reads "
          + ProjectLoader.FORMAT_VERSION + " to " + ProjectLoader.NEWEST_FORMAT_VERSION + ")");
    }
    // Version 2 adds the project store's sections (sample pool, packed automation, lockfile);
    // the engine plays what the graph and the notes or song say and leaves those to it.
    if (version >= 2) {
      fields(root, "$", "formatVersion", "name", "sampleRate", "tempo", "nodes", "connections", "tracks",
          "buses", "master", "notes", "song", "samples", "automation", "lockfile", "controllers");
    } else {
      fields(root, "$", "formatVersion", "name", "sampleRate", "tempo", "nodes", "connections", "tracks",
          "buses", "master", "notes", "song");
    }
    String name = string(root, "name", "$");
    double sampleRate = integer(root, "sampleRate", "$", 8000, 384_000);
    double tempo = number(root, "tempo", "$", 1, 999);
    List<Node> nodes = list(root, "nodes", "$", true, this::node);
    List<Connection> connections = list(root, "connections", "$", false, this::connection);
    List<Track> tracks = list(root, "tracks", "$", false, this::track);
    List<Bus> buses = list(root, "buses", "$", false, this::bus);
    Master master = root.has("master") ? master(object(root.get("master"), "$.master"), "$.master") : Master.DEFAULT;
    Graph graph = new Graph(nodes, connections, tracks, buses, master);
    Set<String> trackIds = new HashSet<>();
    tracks.forEach(t -> trackIds.add(t.id()));
    List<Note> notes = list(root, "notes", "$", false, (n, p) -> note(n, p, trackIds));
    String song = null;
    if (root.has("song")) {
      // The tracker song is the sequencer's to read (the engine does not depend on it); it is
      // kept as JSON text. A project plays either its notes or its song, never both.
      song = object(root.get("song"), "$.song").toString();
      if (!notes.isEmpty()) {
        throw error("$.song", "a project has either notes or a song, not both");
      }
    }
    try {
      GraphValidator.wire(graph, registry);
    } catch (GraphException e) {
      throw error(e.path(), e.getMessage());
    }
    return new Project(name, sampleRate, tempo, graph, notes, song);
  }

  private Node node(JsonNode n, String path) {
    fields(n, path, "id", "module", "params", "state");
    Map<String, Double> params = new LinkedHashMap<>();
    if (n.has("params")) {
      JsonNode p = object(n.get("params"), path + ".params");
      for (Map.Entry<String, JsonNode> e : p.properties()) {
        params.put(e.getKey(), number(p, e.getKey(), path + ".params", -Double.MAX_VALUE, Double.MAX_VALUE));
      }
    }
    byte[] state = null;
    if (n.has("state")) {
      try {
        state = Base64.getDecoder().decode(string(n, "state", path));
      } catch (IllegalArgumentException e) {
        throw error(path + ".state", "not valid base64: " + e.getMessage());
      }
    }
    return new Node(string(n, "id", path), string(n, "module", path), params, state);
  }

  private Connection connection(JsonNode n, String path) {
    fields(n, path, "from", "to", "channels", "feedbackDelay");
    List<Integer> channels = n.has("channels")
        ? list(n, "channels", path, false, (c, p) -> integer(c, p, -1, 63))
        : List.of();
    int delay = n.has("feedbackDelay") ? integer(n, "feedbackDelay", path, 1, GraphValidator.MAX_FEEDBACK) : 0;
    return new Connection(string(n, "from", path), string(n, "to", path), channels, delay);
  }

  private Track track(JsonNode n, String path) {
    fields(n, path, "id", "chain", "gainDb", "pan", "mute", "solo", "sends");
    List<Send> sends = list(n, "sends", path, false, (s, p) -> {
      fields(s, p, "bus", "levelDb");
      return new Send(string(s, "bus", p), optionalNumber(s, "levelDb", p, 0));
    });
    return new Track(string(n, "id", path), strings(n, "chain", path), optionalNumber(n, "gainDb", path, 0),
        optionalNumber(n, "pan", path, 0), bool(n, "mute", path), bool(n, "solo", path), sends);
  }

  private Bus bus(JsonNode n, String path) {
    fields(n, path, "id", "chain", "gainDb");
    return new Bus(string(n, "id", path), strings(n, "chain", path), optionalNumber(n, "gainDb", path, 0));
  }

  private Master master(JsonNode n, String path) {
    fields(n, path, "chain", "gainDb");
    return new Master(n.has("chain") ? strings(n, "chain", path) : List.of(), optionalNumber(n, "gainDb", path, 0));
  }

  private Note note(JsonNode n, String path, Set<String> tracks) {
    fields(n, path, "track", "key", "velocity", "start", "length", "cents");
    String track = string(n, "track", path);
    if (!tracks.contains(track)) {
      throw error(path + ".track", "unknown track '" + track + "'");
    }
    int key = integer(n, "key", path, 0, 127);
    double velocity = number(n, "velocity", path, 0, 1);
    if (velocity == 0) {
      throw error(path + ".velocity", "must be more than 0 (a silent note is no note)");
    }
    double start = number(n, "start", path, 0, 1e7);
    double length = number(n, "length", path, 0, 1e7);
    if (length == 0) {
      throw error(path + ".length", "must be more than 0");
    }
    double cents = n.has("cents") ? number(n, "cents", path, -Note.MAX_CENTS, Note.MAX_CENTS) : 0;
    return new Note(track, key, velocity, start, length, cents);
  }

  // ---- typed access with paths ----

  private interface Item<T> {
    T read(JsonNode node, String path);
  }

  private <T> List<T> list(JsonNode parent, String field, String path, boolean required, Item<T> item) {
    String p = path + "." + field;
    JsonNode n = parent.get(field);
    if (n == null) {
      if (required) {
        throw error(p, "missing");
      }
      return List.of();
    }
    if (!n.isArray()) {
      throw error(p, "must be an array");
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      String ip = p + "[" + i + "]";
      out.add(item.read(n.get(i), ip));
    }
    return out;
  }

  private List<String> strings(JsonNode parent, String field, String path) {
    if (!parent.has(field)) {
      throw error(path + "." + field, "missing");
    }
    return list(parent, field, path, true, (n, p) -> {
      if (!n.isTextual()) {
        throw error(p, "must be a string");
      }
      return n.textValue();
    });
  }

  private JsonNode object(JsonNode n, String path) {
    if (!n.isObject()) {
      throw error(path, "must be an object");
    }
    return n;
  }

  private void fields(JsonNode n, String path, String... allowed) {
    object(n, path);
    List<String> known = List.of(allowed);
    for (Map.Entry<String, JsonNode> field : n.properties()) {
      String name = field.getKey();
      if (!known.contains(name)) {
        throw error(path + "." + name, "unknown field (expected " + String.join(", ", known) + ")");
      }
    }
  }

  private String string(JsonNode parent, String field, String path) {
    JsonNode n = required(parent, field, path);
    if (!n.isTextual() || n.textValue().isBlank()) {
      throw error(path + "." + field, "must be a non-empty string");
    }
    return n.textValue();
  }

  private boolean bool(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n == null) {
      return false;
    }
    if (!n.isBoolean()) {
      throw error(path + "." + field, "must be true or false");
    }
    return n.booleanValue();
  }

  private int integer(JsonNode parent, String field, String path, int min, int max) {
    return integer(required(parent, field, path), path + "." + field, min, max);
  }

  private int integer(JsonNode n, String path, int min, int max) {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw error(path, "must be a whole number");
    }
    int v = n.intValue();
    if (v < min || v > max) {
      throw error(path, "must be within " + min + ".." + max + ": " + v);
    }
    return v;
  }

  private double number(JsonNode parent, String field, String path, double min, double max) {
    JsonNode n = required(parent, field, path);
    if (!n.isNumber()) {
      throw error(path + "." + field, "must be a number");
    }
    double v = n.doubleValue();
    if (!(v >= min && v <= max)) {
      throw error(path + "." + field, "must be within " + plain(min) + ".." + plain(max) + ": " + plain(v));
    }
    return v;
  }

  private double optionalNumber(JsonNode parent, String field, String path, double fallback) {
    return parent.has(field) ? number(parent, field, path, -Double.MAX_VALUE, Double.MAX_VALUE) : fallback;
  }

  private JsonNode required(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      throw error(path + "." + field, "missing");
    }
    return n;
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }

  private ProjectFormatException error(String path, String message) {
    return new ProjectFormatException(source, path, message);
  }
}
