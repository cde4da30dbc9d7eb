package org.patchwork.ui.shell.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Map;
import org.patchwork.engine.Bus;
import org.patchwork.engine.Connection;
import org.patchwork.engine.Graph;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Node;
import org.patchwork.engine.Note;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectLoader;
import org.patchwork.engine.Send;
import org.patchwork.engine.Track;

/**
 * Project format version 1 as the engine's {@link ProjectLoader} reads it: a folder with a
 * {@code project.json}. Writing is the reader's mirror image; a written file is read back
 * before it replaces the old one, so a save can never leave a file the loader rejects.
 */
final class JsonProjectFiles implements ProjectFiles {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ModuleRegistry registry;

  JsonProjectFiles(ModuleRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Project load(Path projectFileOrFolder) throws IOException {
    Path file = Files.isDirectory(projectFileOrFolder) ? projectFileOrFolder.resolve("project.json") : projectFileOrFolder;
    return ProjectLoader.load(file, registry);
  }

  @Override
  public Path save(Project project, Path folder) throws IOException {
    byte[] json = write(project);
    ProjectLoader.parse(folder.resolve("project.json").toString(), json, registry);
    Files.createDirectories(folder);
    Path target = folder.resolve("project.json");
    Path temp = Files.createTempFile(folder, ".project", ".json.tmp");
    try {
      Files.write(temp, json);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  @Override
  public void check(Project project) {
    ProjectLoader.parse(project.name(), write(project), registry);
  }

  /** The project as format version 1 JSON, fields in the loader's order. */
  static byte[] write(Project p) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", ProjectLoader.FORMAT_VERSION);
    root.put("name", p.name());
    root.put("sampleRate", (int) Math.round(p.sampleRate()));
    number(root, "tempo", p.tempo());
    Graph g = p.graph();
    ArrayNode nodes = root.putArray("nodes");
    for (Node n : g.nodes()) {
      ObjectNode o = nodes.addObject();
      o.put("id", n.id());
      o.put("module", n.module());
      ObjectNode params = o.putObject("params");
      for (Map.Entry<String, Double> e : n.params().entrySet()) {
        number(params, e.getKey(), e.getValue());
      }
      if (n.state() != null) {
        o.put("state", Base64.getEncoder().encodeToString(n.state()));
      }
    }
    ArrayNode cables = root.putArray("connections");
    for (Connection c : g.connections()) {
      ObjectNode o = cables.addObject();
      o.put("from", c.from());
      o.put("to", c.to());
      if (!c.channels().isEmpty()) {
        ArrayNode ch = o.putArray("channels");
        c.channels().forEach(ch::add);
      }
      if (c.feedbackDelay() != 0) {
        o.put("feedbackDelay", c.feedbackDelay());
      }
    }
    ArrayNode tracks = root.putArray("tracks");
    for (Track t : g.tracks()) {
      ObjectNode o = tracks.addObject();
      o.put("id", t.id());
      ArrayNode chain = o.putArray("chain");
      t.chain().forEach(chain::add);
      number(o, "gainDb", t.gainDb());
      number(o, "pan", t.pan());
      if (t.mute()) {
        o.put("mute", true);
      }
      if (t.solo()) {
        o.put("solo", true);
      }
      if (!t.sends().isEmpty()) {
        ArrayNode sends = o.putArray("sends");
        for (Send s : t.sends()) {
          ObjectNode so = sends.addObject();
          so.put("bus", s.bus());
          number(so, "levelDb", s.levelDb());
        }
      }
    }
    if (!g.buses().isEmpty()) {
      ArrayNode buses = root.putArray("buses");
      for (Bus b : g.buses()) {
        ObjectNode o = buses.addObject();
        o.put("id", b.id());
        ArrayNode chain = o.putArray("chain");
        b.chain().forEach(chain::add);
        number(o, "gainDb", b.gainDb());
      }
    }
    ObjectNode master = root.putObject("master");
    ArrayNode chain = master.putArray("chain");
    g.master().chain().forEach(chain::add);
    number(master, "gainDb", g.master().gainDb());
    if (p.song() != null) {
      try {
        root.set("song", MAPPER.readTree(p.song()));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("the project's song section is not valid JSON: " + e.getOriginalMessage());
      }
    } else if (!p.notes().isEmpty()) {
      ArrayNode notes = root.putArray("notes");
      for (Note n : p.notes()) {
        ObjectNode o = notes.addObject();
        o.put("track", n.track());
        o.put("key", n.key());
        number(o, "velocity", n.velocity());
        number(o, "start", n.start());
        number(o, "length", n.length());
        if (n.cents() != 0) {
          number(o, "cents", n.cents());
        }
      }
    }
    try {
      return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whole numbers without ".0", so saved files read like hand-written ones. */
  private static void number(ObjectNode o, String field, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
      o.put(field, (long) v);
    } else {
      o.put(field, v);
    }
  }
}
